// A recurrence rule in words ("hằng tháng, hạn ngày 25") and the editor's
// form ↔ rule conversion. The server validates again (PUT answers 400
// naming the field); this keeps the form from sending fields a period
// does not use.
import type { Recurrence, RecurrenceEvery } from '@/api/types';
import type { Translator } from './translate';

export const RECURRENCE_EVERY: RecurrenceEvery[] = ['week', 'month', 'quarter', 'year'];

/** The rule as one phrase in the current language. */
export function describeRecurrence(r: Recurrence | null | undefined, tr: Translator): string {
  if (!r) return tr.t('recur.none');
  let text: string;
  switch (r.every) {
    case 'week':
      text = tr.t('recur.weekly', { weekday: tr.t(`recur.weekdays.${r.weekday ?? 1}`) });
      break;
    case 'month':
      text = tr.t('recur.monthly', { day: r.day ?? 1 });
      break;
    case 'quarter':
      text = tr.t('recur.quarterly', { day: r.day ?? 1, month: r.month ?? 1 });
      break;
    default:
      text = tr.t('recur.yearly', { day: r.day ?? 1, month: r.month ?? 1 });
  }
  if (r.lead_working_days !== undefined && r.lead_working_days !== null) {
    text += tr.t('recur.leadSuffix', { n: r.lead_working_days });
  }
  return text;
}

/** What the editor holds: every field, strings as inputs give them. */
export interface RecurrenceForm {
  every: RecurrenceEvery | '';
  weekday: number;
  month: number;
  day: number;
  /** A number input's v-model gives a number once typed in, '' when empty. */
  lead: string | number;
}

export function formOf(r: Recurrence | null | undefined): RecurrenceForm {
  return {
    every: r?.every ?? '',
    weekday: r?.weekday ?? 1,
    month: r?.month ?? 1,
    day: r?.day ?? 1,
    lead: r?.lead_working_days === undefined ? '' : String(r.lead_working_days),
  };
}

/** The rule to send, with only the fields its period uses; null: none. */
export function ruleOf(f: RecurrenceForm): Recurrence | null {
  if (f.every === '') return null;
  const r: Recurrence = { every: f.every };
  if (f.every === 'week') r.weekday = Number(f.weekday);
  else r.day = Number(f.day);
  if (f.every === 'quarter' || f.every === 'year') r.month = Number(f.month);
  const lead = String(f.lead).trim();
  if (lead !== '') r.lead_working_days = Number(lead);
  return r;
}

/**
 * A period as the server records it ("2026-11", "2026-Q4", "2026",
 * "2026-W48") in words: "tháng 11/2026" / "month 11 of 2026". Anything else
 * is shown as it is.
 */
export function describePeriod(period: string, tr: Translator): string {
  const m = /^(\d{4})(?:-(W|Q)?(\d{1,2}))?$/.exec(period);
  if (!m) return period;
  const year = m[1];
  if (m[3] === undefined) return tr.t('recur.periodYear', { year });
  const n = Number(m[3]);
  if (m[2] === 'W') return tr.t('recur.periodWeek', { n, year });
  if (m[2] === 'Q') return tr.t('recur.periodQuarter', { n, year });
  return tr.t('recur.periodMonth', { n, year });
}
