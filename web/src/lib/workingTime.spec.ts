import { describe, expect, it } from 'vitest';
import { translatorFor } from '@/test/translator';
import { formatDate, formatInstant, formatTimeLimit, formatWorkingHours, limitInHours } from './workingTime';

const vi = translatorFor('vi');
const en = translatorFor('en');

describe('formatWorkingHours', () => {
  it('shows whole days beside the hours', () => {
    expect(formatWorkingHours(16, vi)).toBe('16 giờ làm việc (2 ngày)');
    expect(formatWorkingHours(8, vi)).toBe('8 giờ làm việc (1 ngày)');
  });

  it('shows half days with a decimal comma in Vietnamese', () => {
    expect(formatWorkingHours(4, vi)).toBe('4 giờ làm việc (0,5 ngày)');
    expect(formatWorkingHours(12, vi)).toBe('12 giờ làm việc (1,5 ngày)');
  });

  it('shows days and hours when the total is not on a half day', () => {
    expect(formatWorkingHours(127, vi)).toBe('127 giờ làm việc (15 ngày 7 giờ)');
  });

  it('shows hours alone below half a day, with half hours', () => {
    expect(formatWorkingHours(2, vi)).toBe('2 giờ làm việc');
    expect(formatWorkingHours(1.5, vi)).toBe('1,5 giờ làm việc');
  });

  it('speaks English with plurals', () => {
    expect(formatWorkingHours(1, en)).toBe('1 working hour');
    expect(formatWorkingHours(16, en)).toBe('16 working hours (2 days)');
    expect(formatWorkingHours(1.5, en)).toBe('1.5 working hours');
  });
});

describe('legal time limits', () => {
  it('keeps the unit the law uses', () => {
    expect(formatTimeLimit({ amount: 15, unit: 'working_days' }, vi)).toBe('15 ngày làm việc');
    expect(formatTimeLimit({ amount: 4, unit: 'working_hours' }, vi)).toBe('4 giờ làm việc');
    expect(formatTimeLimit({ amount: 1, unit: 'working_days' }, en)).toBe('1 working day');
  });

  it('converts days to hours at 8 hours a day', () => {
    expect(limitInHours({ amount: 15, unit: 'working_days' })).toBe(120);
    expect(limitInHours({ amount: 0.5, unit: 'working_days' })).toBe(4);
    expect(limitInHours({ amount: 6, unit: 'working_hours' })).toBe(6);
  });
});

describe('formatDate', () => {
  it('writes Vietnamese dates day first', () => {
    expect(formatDate('2025-09-01', 'vi')).toBe('01/09/2025');
  });

  it('writes English dates with the month name', () => {
    expect(formatDate('2025-09-01', 'en')).toMatch(/^1 Sep/);
  });

  it('leaves text that is not a date alone', () => {
    expect(formatDate('soon', 'vi')).toBe('soon');
    expect(formatDate(null, 'vi')).toBe('');
  });
});

describe('formatInstant', () => {
  it('writes a four-digit year, day first, in Vietnam time, in both languages', () => {
    // 07:30 UTC is 14:30 in Hà Nội.
    expect(formatInstant('2025-09-01T07:30:00Z', 'vi')).toBe('01/09/2025, 14:30');
    expect(formatInstant('2025-09-01T07:30:00Z', 'en')).toBe('01/09/2025, 14:30');
    expect(formatInstant('2026-11-25T08:05:00+07:00', 'vi')).toBe('25/11/2026, 08:05');
  });

  it('crosses midnight into the next Vietnamese day', () => {
    expect(formatInstant('2026-12-31T17:00:00Z', 'vi')).toBe('01/01/2027, 00:00');
  });

  it('leaves text that is not an instant alone', () => {
    expect(formatInstant('soon', 'vi')).toBe('soon');
    expect(formatInstant(null, 'vi')).toBe('');
  });
});
