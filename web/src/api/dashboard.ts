// Statistics by key and the dossiers behind them (docs/openapi.yaml
// GET /api/stats and GET /api/dossiers).
import type { DossierRef, DossierClock, Instant, StepRef, Verdict } from './dossier';
import { queryString, request } from './http';

export type StatsBy = 'unit' | 'officer' | 'procedure' | 'month';

/** One row of GET /api/stats: the key (unit, officer, procedure or month) and the counts. */
export interface StatsRow {
  unit?: string;
  officer?: string;
  procedure?: string;
  month?: string;
  name?: string | null;
  received: number;
  early: number;
  on_time: number;
  late: number;
  /** Received in the period and still open now. */
  open: number;
  on_time_rate: number | null;
}

/** Drill-down outcomes; `overdue` = open now and past the legal time. */
export type ListOutcome = 'early' | 'on_time' | 'late' | 'in_progress' | 'overdue';

export interface DossierListQuery {
  outcome?: ListOutcome;
  from?: string;
  to?: string;
  unit?: string;
  procedure?: string;
  officer?: string;
  limit?: number;
  offset?: number;
}

export interface DossierListItem {
  code: string | null;
  ref: string;
  status: number;
  verdict: Verdict;
  procedure: { code: string; name: string };
  unit?: DossierRef | null;
  step_unit?: DossierRef | null;
  desk_unit?: DossierRef | null;
  applicant_name: string;
  received_at?: Instant;
  due_at?: Instant;
  legal_due_at?: Instant;
  finished_at?: Instant;
  step?: StepRef | null;
  holder?: DossierRef | null;
  late_step?: StepRef | null;
  late_person?: DossierRef | null;
  finished_by?: DossierRef | null;
  overrun_step?: StepRef | null;
  overrun_person?: DossierRef | null;
  clock?: DossierClock | null;
  step_clock?: DossierClock | null;
}

export interface DossierListPage {
  total: number;
  offset: number;
  limit: number;
  truncated: boolean;
  items: DossierListItem[];
}

export function getStats(by: StatsBy, from: string, to: string, unit?: string, signal?: AbortSignal): Promise<StatsRow[]> {
  return request<StatsRow[]>('GET', `/api/stats${queryString({ by, from, to, unit })}`, { signal });
}

export function listDossiers(q: DossierListQuery, signal?: AbortSignal): Promise<DossierListPage> {
  return request<DossierListPage>('GET', `/api/dossiers${queryString({ ...q })}`, { signal });
}

/** Every page of a list (at most `cap` items), for an export. */
export async function listAllDossiers(q: DossierListQuery, cap = 5000, signal?: AbortSignal): Promise<DossierListItem[]> {
  const out: DossierListItem[] = [];
  for (let offset = 0; offset < cap; offset += 200) {
    const page = await listDossiers({ ...q, limit: 200, offset }, signal);
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) break;
  }
  return out;
}
