import { describe, expect, it } from 'vitest';
import type { DossierClock, InboxItem } from '@/api/dossier';
import { checkAction, checkApplicant, emptyActionForm, emptyApplicant, fieldsOf, filterInbox, formatRate, formatWorkingMinutes, monthOf, timeLeft, totalsByMonth } from './dossier';
import { translatorFor } from '@/test/translator';

const vi = translatorFor('vi');
const en = translatorFor('en');

function clock(remaining: number, overdue = 0, state: DossierClock['state'] = 'running'): DossierClock {
  return { state, budget: 7200, remaining_minutes: remaining, overdue_minutes: overdue, class: overdue ? 'late' : remaining < 480 ? 'under_one_day' : 'early' };
}

describe('time left', () => {
  it('writes working days, hours and minutes', () => {
    expect(formatWorkingMinutes(2 * 480 + 3 * 60 + 30, vi)).toBe('2 ngày 3 giờ 30 phút làm việc');
    expect(formatWorkingMinutes(60, en)).toBe('1 hour of working time');
    expect(formatWorkingMinutes(0, vi)).toBe('0 phút làm việc');
  });
  it('labels each class with words, not only a colour', () => {
    expect(timeLeft(clock(1000), undefined, vi)).toEqual({ cls: 'early', label: 'Sớm hạn', text: 'Còn 2 ngày 40 phút làm việc' });
    expect(timeLeft(clock(120), undefined, vi)?.label).toBe('Còn dưới 1 ngày làm việc');
    const late = timeLeft(clock(0, 540), undefined, vi);
    expect(late?.label).toBe('Quá hạn');
    expect(late?.text).toBe('Quá hạn 1 ngày 1 giờ làm việc');
    expect(timeLeft(clock(600, 0, 'paused'), undefined, vi)?.text).toMatch(/tạm dừng/);
    expect(timeLeft(null, undefined, vi)).toBeNull();
  });
});

describe('inbox', () => {
  const item = (code: string, remaining: number, overdue: number, name: string): InboxItem => ({
    code,
    ref: code,
    version: 1,
    status: 4,
    procedure: { code: code.startsWith('A') ? '1.003950' : '2.000465', name: 'Thủ tục' },
    applicant_name: name,
    clock: clock(remaining, overdue),
    class: overdue ? 'late' : remaining < 480 ? 'under_one_day' : 'early',
  });
  const items = [item('A1', 2000, 0, 'Trần Thị B'), item('B2', 0, 30, 'Lê Văn C'), item('A3', 100, 0, 'Nguyễn Đức D'), item('B4', 0, 600, 'X')];
  it('puts the most overdue first, then the least time left', () => {
    expect(filterInbox(items, { text: '', cls: '', procedure: '' }).map((i) => i.code)).toEqual(['B4', 'B2', 'A3', 'A1']);
  });
  it('filters by class, procedure and text without diacritics', () => {
    expect(filterInbox(items, { text: '', cls: 'late', procedure: '' }).map((i) => i.code)).toEqual(['B4', 'B2']);
    expect(filterInbox(items, { text: '', cls: '', procedure: '1.003950' }).map((i) => i.code)).toEqual(['A3', 'A1']);
    expect(filterInbox(items, { text: 'nguyen duc', cls: '', procedure: '' }).map((i) => i.code)).toEqual(['A3']);
  });
});

describe('action forms', () => {
  const now = new Date('2026-10-28T08:00:00+07:00');
  it('assign needs an assignee', () => {
    expect(checkAction('assign', emptyActionForm(), now).errors.assignee).toBe('actionForm.required.assignee');
    const ok = checkAction('assign', { ...emptyActionForm(), assignee: ' chuyenvien1.tcbc ', note: 'gấp' }, now);
    expect(ok.errors).toEqual({});
    expect(ok.body).toEqual({ assignee: 'chuyenvien1.tcbc', note: 'gấp' });
  });
  it('forward needs nothing, approve needs the signature', () => {
    expect(fieldsOf('forward')).toEqual([]);
    expect(checkAction('forward', emptyActionForm(), now)).toEqual({ errors: {}, body: {} });
    expect(checkAction('approve', emptyActionForm(), now).errors.signature).toBeDefined();
    expect(checkAction('approve', { ...emptyActionForm(), signature: true }, now).body).toEqual({ signature: true });
  });
  it('supplement requests list every missing component, one a line', () => {
    expect(checkAction('request_supplement', { ...emptyActionForm(), missing: ' \n' }, now).errors.missing).toBeDefined();
    expect(checkAction('request_supplement', { ...emptyActionForm(), missing: 'Tờ khai\n\n Bản sao CCCD ' }, now).body.missing).toEqual(['Tờ khai', 'Bản sao CCCD']);
  });
  it('consultations need units and hours in half-hour steps', () => {
    const f = emptyActionForm();
    f.consults = [{ unit: 'CCVC', hours: '8' }, { unit: 'XDCQ', hours: '2,5' }];
    expect(checkAction('consult', f, now).body.consults).toEqual([{ unit: 'CCVC', hours: 8 }, { unit: 'XDCQ', hours: 2.5 }]);
    f.consults = [{ unit: 'CCVC', hours: '0.3' }];
    expect(checkAction('consult', f, now).errors.consults).toBe('actionForm.badHours');
    f.consults = [{ unit: '', hours: '4' }];
    expect(checkAction('consult', f, now).errors.consults).toBe('actionForm.required.consultUnit');
    f.consults = [{ unit: 'CCVC', hours: '4' }, { unit: 'CCVC', hours: '2' }];
    expect(checkAction('consult', f, now).errors.consults).toBe('actionForm.duplicateUnit');
  });
  it('an apology needs a reason and a later appointment, sent at +07:00', () => {
    const f = { ...emptyActionForm(), reason: 'Cần xác minh thêm', newAppointment: '2026-10-27T16:00' };
    expect(checkAction('apologize', f, now).errors.newAppointment).toBe('actionForm.pastAppointment');
    f.newAppointment = '2026-11-06T16:00';
    expect(checkAction('apologize', f, now).body).toEqual({ reason: 'Cần xác minh thêm', new_appointment: '2026-11-06T16:00:00+07:00' });
    expect(checkAction('apologize', emptyActionForm(), now).errors).toEqual({
      reason: 'actionForm.required.reason',
      newAppointment: 'actionForm.required.newAppointment',
    });
  });
});

describe('applicant', () => {
  it('needs a name and a phone with at least 6 digits, and leaves empty fields out', () => {
    expect(checkApplicant(emptyApplicant()).errors).toEqual({ name: 'required', phone: 'required' });
    expect(checkApplicant({ ...emptyApplicant(), name: 'A', phone: 'abc' }).errors).toEqual({ phone: 'reception.badPhone' });
    expect(checkApplicant({ ...emptyApplicant(), name: 'A', phone: '12345' }).errors.phone).toBe('reception.badPhone');
    const ok = checkApplicant({ ...emptyApplicant(), name: ' Lê Văn C ', phone: '0900 111 222', address: 'Hưng Yên' });
    expect(ok.errors).toEqual({});
    expect(ok.applicant).toEqual({ name: 'Lê Văn C', phone: '0900 111 222', address: 'Hưng Yên' });
  });
});

describe('dashboard', () => {
  it('months in Vietnam time, rates and monthly totals', () => {
    expect(monthOf(new Date('2026-11-30T18:00:00Z'))).toBe('2026-12');
    expect(monthOf(new Date('2026-01-15T00:00:00Z'), 2)).toBe('2025-11');
    expect(formatRate(0.875, 'en')).toBe('87.5%');
    expect(formatRate(null, 'vi')).toBeNull();
    const rows = [
      { month: '2026-10', received: 3, finished: 2, early: 1, on_time: 0, late: 1 },
      { month: '2026-10', received: 1, finished: 2, early: 2, on_time: 0, late: 0 },
      { month: '2026-09', received: 1, finished: 0, early: 0, on_time: 0, late: 0 },
    ];
    expect(totalsByMonth(rows)).toEqual([
      { month: '2026-09', received: 1, finished: 0, early: 0, on_time: 0, late: 0, on_time_rate: null },
      { month: '2026-10', received: 4, finished: 4, early: 3, on_time: 0, late: 1, on_time_rate: 0.75 },
    ]);
  });
});
