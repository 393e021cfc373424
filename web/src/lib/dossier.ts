// Dossier logic without UI: the time-left label of a clock, the inbox order and
// filters, and the small forms of the actions (what each needs, checked before
// sending; the server decides in the end).
import type { ActionBody, DossierAction, DossierClock, InboxItem, ReceiptIn, TimeClass } from '@/api/dossier';
import type { Translator } from './translate';
import { formatNumber } from './workingTime';

export const MINUTES_PER_DAY = 8 * 60;

/** "2 ngày 3 giờ 30 phút làm việc" from working minutes. */
export function formatWorkingMinutes(minutes: number, tr: Translator): string {
  const m = Math.max(0, Math.round(minutes));
  const days = Math.floor(m / MINUTES_PER_DAY);
  const hours = Math.floor((m % MINUTES_PER_DAY) / 60);
  const mins = m % 60;
  const parts: string[] = [];
  if (days) parts.push(tr.t('clock.days', { n: formatNumber(days, tr.locale) }, days === 1 ? 1 : 2));
  if (hours) parts.push(tr.t('clock.hours', { n: formatNumber(hours, tr.locale) }, hours === 1 ? 1 : 2));
  if (mins || parts.length === 0) parts.push(tr.t('clock.minutes', { n: formatNumber(mins, tr.locale) }, mins === 1 ? 1 : 2));
  return tr.t('clock.working', { time: parts.join(' ') });
}

export interface TimeLeft {
  cls: TimeClass;
  /** "Sớm hạn", "Còn dưới 1 ngày làm việc", "Quá hạn". */
  label: string;
  /** "Còn 2 ngày 3 giờ làm việc", "Quá hạn 1 giờ làm việc", "Tạm dừng". */
  text: string;
}

/** The class and sentence of a dossier clock; null when it has none. */
export function timeLeft(clock: DossierClock | null | undefined, cls: TimeClass | undefined, tr: Translator): TimeLeft | null {
  if (!clock) return null;
  const c: TimeClass = cls ?? clock.class ?? (clock.overdue_minutes > 0 ? 'late' : clock.remaining_minutes < MINUTES_PER_DAY ? 'under_one_day' : 'early');
  const label = tr.t(`timeClass.${c}`);
  let text: string;
  if (clock.overdue_minutes > 0) text = tr.t('clock.overdue', { time: formatWorkingMinutes(clock.overdue_minutes, tr) });
  else text = tr.t('clock.remaining', { time: formatWorkingMinutes(clock.remaining_minutes, tr) });
  if (clock.state === 'paused') text = `${text} ${tr.t('clock.paused')}`;
  else if (clock.state === 'stopped') text = `${text} ${tr.t('clock.stopped')}`;
  return { cls: c, label, text };
}

/** Signed working minutes left: overdue ones are negative, so they sort first. */
export function minutesLeft(item: Pick<InboxItem, 'clock'>): number {
  const c = item.clock;
  if (!c) return Number.MAX_SAFE_INTEGER;
  return c.overdue_minutes > 0 ? -c.overdue_minutes : c.remaining_minutes;
}

export interface InboxFilter {
  text: string;
  cls: TimeClass | '';
  procedure: string;
}

/** The least time left first; filtered by class, procedure and free text (code, applicant, procedure). */
export function filterInbox(items: InboxItem[], f: InboxFilter): InboxItem[] {
  const fold = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
  const q = fold(f.text.trim());
  return items
    .filter((i) => !f.cls || i.class === f.cls)
    .filter((i) => !f.procedure || i.procedure.code === f.procedure)
    .filter((i) => !q || fold(`${i.code ?? ''} ${i.ref} ${i.applicant_name ?? i.subject ?? ''} ${i.procedure.name} ${i.procedure.code}`).includes(q))
    .slice()
    .sort((a, b) => minutesLeft(a) - minutesLeft(b));
}

/** What the user typed in an action's form. */
export interface ActionForm {
  assignee: string;
  reason: string;
  note: string;
  /** One missing component a line. */
  missing: string;
  consults: { unit: string; hours: string }[];
  consultUnit: string;
  /** yyyy-mm-ddThh:mm from <input type="datetime-local">, Vietnam time. */
  newAppointment: string;
  signature: boolean;
}

export function emptyActionForm(): ActionForm {
  return { assignee: '', reason: '', note: '', missing: '', consults: [{ unit: '', hours: '8' }], consultUnit: '', newAppointment: '', signature: false };
}

export type ActionField = 'assignee' | 'reason' | 'missing' | 'consults' | 'consultUnit' | 'newAppointment' | 'signature';

/** The fields an action's form shows (besides the note, which every action has). */
export function fieldsOf(action: DossierAction): ActionField[] {
  switch (action) {
    case 'assign':
      return ['assignee'];
    case 'refuse_receipt':
    case 'withdraw':
      return ['reason'];
    case 'refuse':
      return ['reason', 'signature'];
    case 'approve':
      return ['signature'];
    case 'apologize':
      return ['reason', 'newAppointment'];
    case 'request_supplement':
    case 'desk_supplement':
      return ['missing'];
    case 'consult':
      return ['consults'];
    case 'consult_answer':
      return ['consultUnit'];
    default:
      return [];
  }
}

/** Does the action change the dossier's course enough to ask "are you sure"? */
export function isGrave(action: DossierAction): boolean {
  return ['refuse_receipt', 'refuse', 'withdraw', 'return_result', 'approve', 'apologize'].includes(action);
}

export interface ActionCheck {
  /** field → i18n key of the problem; empty when the form may be sent. */
  errors: Partial<Record<ActionField, string>>;
  body: ActionBody;
}

/** Check a form and build the request body. `now` for the new appointment (must be later). */
export function checkAction(action: DossierAction, form: ActionForm, now: Date = new Date()): ActionCheck {
  const errors: Partial<Record<ActionField, string>> = {};
  const body: ActionBody = {};
  const note = form.note.trim();
  if (note) body.note = note;
  for (const field of fieldsOf(action)) {
    switch (field) {
      case 'assignee':
        if (!form.assignee.trim()) errors.assignee = 'actionForm.required.assignee';
        else body.assignee = form.assignee.trim();
        break;
      case 'reason':
        if (!form.reason.trim()) errors.reason = 'actionForm.required.reason';
        else body.reason = form.reason.trim();
        break;
      case 'signature':
        if (!form.signature) errors.signature = 'actionForm.required.signature';
        else body.signature = true;
        break;
      case 'missing': {
        const items = form.missing
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
        if (!items.length) errors.missing = 'actionForm.required.missing';
        else if (items.length > 16) errors.missing = 'actionForm.tooManyMissing';
        else body.missing = items;
        break;
      }
      case 'consults': {
        const rows = form.consults.filter((r) => r.unit.trim() || r.hours.trim());
        if (!rows.length) {
          errors.consults = 'actionForm.required.consults';
          break;
        }
        const out: { unit: string; hours: number }[] = [];
        for (const r of rows) {
          const hours = Number(r.hours.replace(',', '.'));
          if (!r.unit.trim()) errors.consults = 'actionForm.required.consultUnit';
          else if (!Number.isFinite(hours) || hours <= 0 || !Number.isInteger(hours * 2)) errors.consults = 'actionForm.badHours';
          else out.push({ unit: r.unit.trim(), hours });
        }
        if (new Set(out.map((r) => r.unit)).size !== out.length) errors.consults = 'actionForm.duplicateUnit';
        if (out.length > 8) errors.consults = 'actionForm.tooManyConsults';
        if (!errors.consults) body.consults = out;
        break;
      }
      case 'consultUnit':
        if (!form.consultUnit.trim()) errors.consultUnit = 'actionForm.required.consultUnit';
        else body.consult_unit = form.consultUnit.trim();
        break;
      case 'newAppointment': {
        const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(form.newAppointment);
        if (!m) {
          errors.newAppointment = 'actionForm.required.newAppointment';
          break;
        }
        const iso = `${m[1]}T${m[2]}:00+07:00`;
        if (new Date(iso).getTime() <= now.getTime()) errors.newAppointment = 'actionForm.pastAppointment';
        else body.new_appointment = iso;
        break;
      }
    }
  }
  return { errors, body };
}

export interface ApplicantForm {
  name: string;
  phone: string;
  email: string;
  address: string;
  id_number: string;
}

export function emptyApplicant(): ApplicantForm {
  return { name: '', phone: '', email: '', address: '', id_number: '' };
}

/** field → i18n key of the problem; and the applicant as the API takes it (empty fields left out). */
export function checkApplicant(a: ApplicantForm): { errors: Partial<Record<keyof ApplicantForm, string>>; applicant: ReceiptApplicant } {
  const errors: Partial<Record<keyof ApplicantForm, string>> = {};
  if (!a.name.trim()) errors.name = 'required';
  const digits = a.phone.replace(/\D/g, '');
  if (!a.phone.trim()) errors.phone = 'required';
  else if (digits.length < 6 || /[^\d\s+().-]/.test(a.phone)) errors.phone = 'reception.badPhone';
  const applicant: ReceiptApplicant = { name: a.name.trim(), phone: a.phone.trim() };
  if (a.email.trim()) applicant.email = a.email.trim();
  if (a.address.trim()) applicant.address = a.address.trim();
  if (a.id_number.trim()) applicant.id_number = a.id_number.trim();
  return { errors, applicant };
}

export type ReceiptApplicant = ReceiptIn['applicant'];

/** "2026-11" of a date in Vietnam, and the month `back` months before it. */
export function monthOf(date: Date, back = 0): string {
  const vn = new Date(date.getTime() + 7 * 3600 * 1000);
  const d = new Date(Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth() - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A rate in 0..1 as "87,5 %" (vi) / "87.5%" (en); null → null. */
export function formatRate(rate: number | null | undefined, locale: string): string | null {
  if (rate === null || rate === undefined) return null;
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** The department's total per month from the unit rows. */
export function totalsByMonth(rows: { month: string; received: number; finished: number; early: number; on_time: number; late: number }[]) {
  const out = new Map<string, { month: string; received: number; finished: number; early: number; on_time: number; late: number; on_time_rate: number | null }>();
  for (const r of rows) {
    const m = out.get(r.month) ?? { month: r.month, received: 0, finished: 0, early: 0, on_time: 0, late: 0, on_time_rate: null };
    m.received += r.received;
    m.finished += r.finished;
    m.early += r.early;
    m.on_time += r.on_time;
    m.late += r.late;
    m.on_time_rate = m.finished ? (m.early + m.on_time) / m.finished : null;
    out.set(r.month, m);
  }
  return [...out.values()].sort((a, b) => a.month.localeCompare(b.month));
}
