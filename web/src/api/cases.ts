// Internal cases (hồ sơ công việc): the work items the caller may open a case
// for, and opening one (docs/openapi.yaml /api/cases). An open case is a
// Dossier with kind 'case'.
import { request } from './http';
import type { Dossier } from './dossier';

export interface CaseItem {
  code: string;
  name: string;
  unit: string;
  unit_name?: string;
  cases: { code: string; name: string; limit_minutes: number }[];
}

export interface CaseIn {
  procedure: string;
  case?: string;
  subject: string;
  note?: string;
}

export function listCaseItems(signal?: AbortSignal): Promise<CaseItem[]> {
  return request<CaseItem[]>('GET', '/api/cases/items', { signal });
}

export function openCase(body: CaseIn): Promise<Dossier> {
  return request<Dossier>('POST', '/api/cases', { body });
}
