// Live-validation issues and the server's field errors on a process, as
// sentences that name the step and the field in the current language.
import { ApiError } from '@/api/http';
import type { CheckIssue } from './processCheck';
import { describeError } from './problemMessage';
import type { Translator } from './translate';

interface Keyed {
  key: string;
}

const PARTS = ['key', 'name', 'role', 'unit', 'hours', 'forms', 'outputs', 'next', 'may_return', 'requires_signature', 'split', 'parallel_options'];

/** "steps[2].next[0]" → "Bước 3 (tham_dinh), bước tiếp theo thứ 1". */
export function fieldLabel(field: string, steps: Keyed[], tr: Translator): string {
  const m = /^steps\[(\d+)\](?:\.([a-z_]+)(?:\[(\d+)\])?)?$/.exec(field);
  if (!m) return tr.t('check.fieldProcess');
  const i = Number(m[1]);
  const named = { n: i + 1, key: steps[i]?.key || '—' };
  const part = m[2];
  if (!part || !PARTS.includes(part)) return tr.t('check.fieldStep', named);
  const label = part === 'next' && m[3] !== undefined
    ? tr.t('check.fieldNextN', { n: Number(m[3]) + 1 })
    : tr.t(`editor.${part}`);
  return tr.t('check.fieldStepPart', { ...named, part: label.toLocaleLowerCase(tr.locale) });
}

/**
 * The issue's message alone, as the server words it (English) or translated.
 * `fullPath`: the whole longest path (the server elides its middle past 199 bytes).
 */
export function issueMessage(issue: CheckIssue, tr: Translator, fullPath = false): string {
  const params = { ...issue.params };
  if (fullPath && params.fullPath) params.path = params.fullPath;
  if (tr.locale === 'vi') {
    for (const k of ['total', 'limit', 'limitHours'] as const) {
      if (params[k]) params[k] = params[k].replace('.', ',');
    }
  }
  return tr.t(`check.${issue.code}`, params);
}

export function issueSentence(issue: CheckIssue, steps: Keyed[], tr: Translator): string {
  return tr.t('check.sentence', { field: fieldLabel(issue.field, steps, tr), message: issueMessage(issue, tr, true) });
}

/** A failed save or transition: field errors name the step and field. */
export function describeProcessError(error: unknown, steps: Keyed[], tr: Translator): string {
  const fields = error instanceof ApiError && error.status === 400 ? (error.problem?.errors ?? []) : [];
  if (fields.length === 0) return describeError(error, tr, 'write');
  return fields
    .map((f) => tr.t('check.sentence', { field: fieldLabel(f.field, steps, tr), message: tr.t('check.serverRejected') }))
    .join(' ');
}
