import { describe, expect, it } from 'vitest';
import en from '@/i18n/en.json';
import vi from '@/i18n/vi.json';
import { describePeriod, describeRecurrence, formOf, ruleOf } from './recurrence';
import type { Translator } from './translate';

/** A translator over one message file, with {name} placeholders. */
function translator(messages: Record<string, unknown>, locale: string): Translator {
  return {
    locale,
    t(key, named = {}) {
      const found = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);
      if (typeof found !== 'string') return key;
      return found.replace(/\{(\w+)\}/g, (_, n: string) => String(named[n] ?? `{${n}}`));
    },
  };
}

const tvi = translator(vi, 'vi');
const ten = translator(en, 'en');

describe('describeRecurrence', () => {
  it('says a monthly rule as a Vietnamese office does', () => {
    expect(describeRecurrence({ every: 'month', day: 25 }, tvi)).toBe('hằng tháng, hạn ngày 25');
    expect(describeRecurrence({ every: 'month', day: 25 }, ten)).toBe('monthly, due on day 25');
  });

  it('names the weekday, the quarter month and the year date', () => {
    expect(describeRecurrence({ every: 'week', weekday: 5 }, tvi)).toBe('hằng tuần, hạn thứ Sáu');
    expect(describeRecurrence({ every: 'week', weekday: 7 }, ten)).toBe('weekly, due on Sunday');
    expect(describeRecurrence({ every: 'quarter', month: 3, day: 20 }, tvi)).toBe('hằng quý, hạn ngày 20 tháng thứ 3 của quý');
    expect(describeRecurrence({ every: 'year', month: 12, day: 15 }, tvi)).toBe('hằng năm, hạn ngày 15/12');
  });

  it('adds an explicit lead and says when there is no rule', () => {
    expect(describeRecurrence({ every: 'month', day: 5, lead_working_days: 3 }, tvi)).toBe(
      'hằng tháng, hạn ngày 5, mở trước 3 ngày làm việc',
    );
    expect(describeRecurrence(null, tvi)).toBe('Không định kỳ');
    expect(describeRecurrence(undefined, ten)).toBe('Not recurring');
  });
});

describe('form and rule', () => {
  it('sends only the fields the period uses', () => {
    const f = formOf({ every: 'year', month: 12, day: 1 });
    expect(ruleOf({ ...f, every: 'week', weekday: 2 })).toEqual({ every: 'week', weekday: 2 });
    expect(ruleOf({ ...f, every: 'month', day: 31 })).toEqual({ every: 'month', day: 31 });
    expect(ruleOf({ ...f, every: 'quarter', month: 2, day: 5, lead: ' 4 ' })).toEqual({
      every: 'quarter',
      month: 2,
      day: 5,
      lead_working_days: 4,
    });
    expect(ruleOf({ ...f, every: 'month', day: 5, lead: 0 })).toEqual({ every: 'month', day: 5, lead_working_days: 0 });
    expect(ruleOf({ ...f, every: '' })).toBeNull();
  });

  it('round-trips a rule through the form', () => {
    const r = { every: 'quarter' as const, month: 3, day: 20, lead_working_days: 0 };
    expect(ruleOf(formOf(r))).toEqual(r);
    expect(formOf(null).every).toBe('');
  });
});

describe('describePeriod', () => {
  it('says the period of a case as the case view shows it', () => {
    expect(describePeriod('2026-11', tvi)).toBe('tháng 11/2026');
    expect(describePeriod('2027-01', ten)).toBe('month 1 of 2027');
    expect(describePeriod('2026-Q4', tvi)).toBe('quý 4/2026');
    expect(describePeriod('2026-W08', tvi)).toBe('tuần 8/2026');
    expect(describePeriod('2026-W48', ten)).toBe('week 48 of 2026');
    expect(describePeriod('2026', tvi)).toBe('năm 2026');
    expect(describePeriod('2026', ten)).toBe('year 2026');
  });

  it('shows what it does not know as it is', () => {
    expect(describePeriod('2026-X1', tvi)).toBe('2026-X1');
    expect(describePeriod('', ten)).toBe('');
  });
});
