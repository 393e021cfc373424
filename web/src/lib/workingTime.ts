// Working time as civil servants read it: allotments in working hours, with
// the equivalent in working days (1 working day = 8 working hours, design.md §4).
import type { TimeLimit } from '@/api/types';
import type { Translator } from './translate';

export const HOURS_PER_DAY = 8;

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

function pluralOf(value: number): number {
  return value === 1 ? 1 : 2;
}

/**
 * "16 giờ làm việc (2 ngày)", "4 giờ làm việc (0,5 ngày)", "127 giờ làm việc (15 ngày 7 giờ)",
 * "3 giờ làm việc". Days are shown as a number when they fall on half days,
 * as days and hours otherwise, and not at all below half a day.
 */
export function formatWorkingHours(hours: number, tr: Translator): string {
  const main = tr.t('time.workingHours', { n: formatNumber(hours, tr.locale) }, pluralOf(hours));
  if (hours < HOURS_PER_DAY / 2) return main;
  const halfDays = hours / (HOURS_PER_DAY / 2);
  if (Number.isInteger(halfDays)) {
    return `${main} ${tr.t('time.days', { n: formatNumber(hours / HOURS_PER_DAY, tr.locale) })}`;
  }
  const days = Math.floor(hours / HOURS_PER_DAY);
  const rest = hours - days * HOURS_PER_DAY;
  if (days === 0) return main;
  return `${main} ${tr.t('time.daysHours', {
    days: formatNumber(days, tr.locale),
    hours: formatNumber(rest, tr.locale),
  })}`;
}

/** A legal time limit in its own unit: "15 ngày làm việc", "4 giờ làm việc". */
export function formatTimeLimit(limit: TimeLimit, tr: Translator): string {
  const key = limit.unit === 'working_days' ? 'time.workingDays' : 'time.workingHours';
  return tr.t(key, { n: formatNumber(limit.amount, tr.locale) }, pluralOf(limit.amount));
}

export function limitInHours(limit: TimeLimit): number {
  return limit.unit === 'working_days' ? limit.amount * HOURS_PER_DAY : limit.amount;
}

/** "2025-09-01" → "01/09/2025" (vi) or "1 Sept 2025" (en); the text itself if not a date. */
export function formatDate(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, y, m, d] = match;
  if (locale === 'vi') return `${d}/${m}/${y}`;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * An instant ("2025-09-01T07:30:00Z") in Vietnam's time zone as
 * "01/09/2025, 14:30" in both languages: always a four-digit year (the
 * locales' short styles write "01/09/25" in Vietnamese), day first as
 * Vietnamese documents write it, a 24-hour clock.
 */
export function formatInstant(instant: string | null | undefined, _locale?: string): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}, ${part('hour')}:${part('minute')}`;
}
