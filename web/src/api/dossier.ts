// The dossier engine API (docs/openapi.yaml, tag dossiers and public).
import { queryString, request } from './http';

/** RFC 3339 at +07:00, or null. */
export type Instant = string | null;
export type TimeClass = 'early' | 'under_one_day' | 'late';
export type Verdict = 'none' | 'early' | 'on_time' | 'late';

export interface DossierRef {
  id?: number;
  code?: string;
  username?: string;
  name?: string;
  full_name?: string;
  /** People only: "system" for the actor that opens recurring cases. */
  kind?: 'person' | 'system';
}

export interface StepRef {
  key: string;
  name: string;
  role?: string;
  unit?: string;
  hours?: number;
}

export interface DossierClock {
  state: 'idle' | 'running' | 'paused' | 'stopped';
  budget: number;
  consumed?: number;
  consumed_now?: number;
  remaining_minutes: number;
  overdue_minutes: number;
  class: TimeClass;
}

export interface Applicant {
  /** null on an internal case */
  name: string | null;
  phone: string | null;
  email?: string | null;
  address?: string | null;
  id_number?: string | null;
}

export type DossierAction =
  | 'accept'
  | 'refuse_receipt'
  | 'desk_supplement'
  | 'supplement_received'
  | 'transfer'
  | 'assign'
  | 'forward'
  | 'return_previous'
  | 'consult'
  | 'consult_answer'
  | 'send_other_agency'
  | 'back_from_agency'
  | 'request_supplement'
  | 'request_payment'
  | 'paid'
  | 'approve'
  | 'refuse'
  | 'result_ready'
  | 'return_result'
  | 'withdraw'
  | 'apologize'
  | 'open_case';

export interface Dossier {
  code: string | null;
  ref: string;
  version: number;
  agency?: string;
  procedure: { code: string; name: string; kind?: string };
  case?: { code: string; name: string } | null;
  process?: { code: string; issue: number } | null;
  unit?: DossierRef | null;
  desk_unit?: DossierRef | null;
  channel: number;
  /** 'case': an internal case (hồ sơ công việc), opened with POST /api/cases; channel 0, no applicant. */
  kind?: 'dossier' | 'case';
  subject?: string | null;
  initiator?: DossierRef | null;
  /** A recurring item's case: the period it was recorded for ("2026-11"). */
  recurrence_period?: string | null;
  applicant: Applicant;
  submitted_at?: Instant;
  received_at?: Instant;
  due_at?: Instant;
  legal_due_at?: Instant;
  first_due_at?: Instant;
  apology_at?: Instant;
  status: number;
  status_key?: string;
  status_name?: string;
  stage?: string;
  step?: StepRef | null;
  step_unit?: DossierRef | null;
  holder?: DossierRef | null;
  finished_at?: Instant;
  verdict?: Verdict;
  late_step?: StepRef | null;
  late_person?: DossierRef | null;
  rating?: number | null;
  consults?: { unit_id: number; unit?: string; answered: boolean }[];
  clock?: DossierClock | null;
  step_clock?: DossierClock | null;
  /** Inside a parallel block: every branch (step, unit and holder above mirror the first open one). */
  branches?: DossierBranch[];
  /** Inside a parallel block: the branch (step key) the caller's actions apply to. */
  my_branch?: string;
  /** An exclusive choice at the current step: where forward / approve may go. */
  next_steps?: { key: string; name: string; parallel?: string[] | null }[];
  allowed_actions: DossierAction[];
  action?: string;
  /** GET only: the files linked to the dossier. */
  files?: DossierFile[];
  /** GET only: the agency calendar changes that moved its deadlines, oldest first. */
  reschedules?: DossierReschedule[];
}

/** An instant before and after a calendar change. */
export interface MovedInstant {
  from: Instant;
  to: Instant;
}

/** One agency calendar change that moved a dossier's deadlines (docs/CALENDAR.md §3.2). */
export interface DossierReschedule {
  change: number;
  at: Instant;
  /** The administrator of the edit, or the --by user of an import; null when none was named. */
  by: DossierRef | null;
  source: 'api' | 'import';
  reason: 'agency_calendar';
  appointment: MovedInstant;
  legal_due: MovedInstant;
  /** The desk's transfer deadline (Điều 18), when it moved. */
  transfer_by: MovedInstant | null;
}

/** A file linked to a dossier (component given at submission or action). */
export interface DossierFile {
  id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  component: string | null;
  event_seq: number;
  uploaded_by: 'applicant' | 'staff';
  /** Download path; the public one needs ?phone=. */
  url: string;
}

/** An upload referenced by a submission or an action. */
export interface FileRef {
  upload: string;
  component?: string;
}

export interface DossierBranch {
  step: StepRef | null;
  unit: DossierRef | null;
  holder: DossierRef | null;
  /** Reached the join; waits for the other branches. */
  done: boolean;
  clock: DossierClock | null;
}

export interface ReceiptIn {
  procedure: string;
  case?: string;
  channel?: 1 | 2 | 3;
  outcome?: 'receive' | 'refuse' | 'supplement';
  applicant: { name: string; phone: string; email?: string; address?: string; id_number?: string };
  reason?: string;
  note?: string;
  missing?: string[];
  attachments?: string[];
  files?: FileRef[];
}

export interface SupplementGuidance {
  outcome: 'supplement';
  missing: string[];
  form?: string;
}

export interface ActionBody {
  target?: string;
  assignee?: string;
  reason?: string;
  note?: string;
  missing?: string[];
  consults?: { unit: string; hours: number }[];
  consult_unit?: string;
  new_appointment?: string;
  signature?: boolean;
  files?: FileRef[];
  /** Inside a parallel block: the branch acted on (a step key). */
  branch?: string;
}

export interface Handover {
  seq: number;
  at: Instant;
  action: string;
  actor?: DossierRef | null;
  from_unit?: DossierRef | null;
  from_person?: DossierRef | null;
  to_unit?: DossierRef | null;
  to_person?: DossierRef | null;
  status_before?: number;
  status_after?: number;
  verdict: Verdict;
  step_from?: StepRef | null;
  step_to?: StepRef | null;
  note?: string;
  attachments?: string[];
  /** A forward that opened parallel branches: the step of each branch. */
  opened?: StepRef[];
}

export interface ControlSlip {
  code: string | null;
  handovers: Handover[];
  late_step?: StepRef | null;
  late_person?: DossierRef | null;
}

export interface InboxItem {
  code: string | null;
  ref: string;
  version: number;
  status: number;
  stage?: string;
  procedure: { code: string; name: string };
  /** null on an internal case, which has a subject instead */
  applicant_name: string | null;
  subject?: string | null;
  received_at?: Instant;
  due_at?: Instant;
  step?: StepRef | null;
  step_unit?: DossierRef | null;
  holder?: DossierRef | null;
  clock?: DossierClock | null;
  step_clock?: DossierClock | null;
  class: TimeClass;
}

export interface Inbox {
  scope: string;
  total: number;
  items: InboxItem[];
}

export interface MonthlyRow {
  unit: string;
  name: string | null;
  month: string;
  received: number;
  finished: number;
  early: number;
  on_time: number;
  late: number;
  on_time_rate: number | null;
}

export interface PublicDossier {
  code: string | null;
  ref: string;
  status: number;
  status_name: string;
  procedure: string;
  step: string | null;
  received_at?: Instant;
  appointment?: Instant;
  apology?: number;
  /** A change of the agency's working calendar moved the appointment. */
  appointment_rescheduled?: boolean;
  rating?: number | null;
  files?: DossierFile[];
  /** In status 5: what the applicant was asked to supplement. */
  supplement?: string | null;
}

const enc = encodeURIComponent;

/** Receive at the desk (staff) or submit online (anonymous, channel 2). */
export function createDossier(body: ReceiptIn): Promise<Dossier | SupplementGuidance> {
  return request<Dossier | SupplementGuidance>('POST', '/api/dossiers', { body });
}

export function getDossier(code: string, signal?: AbortSignal): Promise<Dossier> {
  return request<Dossier>('GET', `/api/dossiers/${enc(code)}`, { signal });
}

export function actOnDossier(code: string, action: DossierAction, version: number, body: ActionBody = {}): Promise<Dossier> {
  return request<Dossier>('POST', `/api/dossiers/${enc(code)}/actions`, { body: { action, version, ...body } });
}

export function getControlSlip(code: string, signal?: AbortSignal): Promise<ControlSlip> {
  return request<ControlSlip>('GET', `/api/dossiers/${enc(code)}/control-slip`, { signal });
}

export function getInbox(scope: 'mine' | 'unit', signal?: AbortSignal): Promise<Inbox> {
  return request<Inbox>('GET', `/api/inbox${queryString({ scope })}`, { signal });
}

export function getMonthlyStats(from: string, to: string, signal?: AbortSignal): Promise<MonthlyRow[]> {
  return request<MonthlyRow[]>('GET', `/api/stats/monthly${queryString({ from, to })}`, { signal });
}

export function lookupDossier(code: string, phone: string, signal?: AbortSignal): Promise<PublicDossier> {
  return request<PublicDossier>('GET', `/api/public/dossiers/${enc(code)}${queryString({ phone })}`, { signal });
}

export function rateDossier(code: string, phone: string, score: number, comment?: string): Promise<void> {
  return request<void>('POST', `/api/public/dossiers/${enc(code)}/rating`, {
    body: comment ? { phone, score, comment } : { phone, score },
  });
}

export function reportProblem(code: string, phone: string, comment: string): Promise<void> {
  return request<void>('POST', `/api/public/dossiers/${enc(code)}/feedback`, { body: { phone, comment } });
}
