// Recurring internal tasks (docs/ENGINE.md §11): the rule of an internal
// work item, its next opening, and the administrator's edits.
import { request } from './http';
import type { Recurrence, RecurrenceState } from './types';

function path(code: string): string {
  return `/api/procedures/${encodeURIComponent(code)}/recurrence`;
}

/** The rule and its next opening (staff). */
export function getRecurrence(code: string, signal?: AbortSignal): Promise<RecurrenceState> {
  return request<RecurrenceState>('GET', path(code), { signal });
}

/** Set the rule (administrators); 400 names the field at fault. */
export function putRecurrence(code: string, rule: Recurrence): Promise<RecurrenceState> {
  return request<RecurrenceState>('PUT', path(code), { body: rule });
}

/** Remove the rule (administrators). */
export function deleteRecurrence(code: string): Promise<void> {
  return request<void>('DELETE', path(code));
}
