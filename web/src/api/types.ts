// The JSON shapes of the motcua API that the web interface reads. This file
// and the fetchers beside it are the only places that know field names: a
// renamed field is a change here, not in the pages.

/** RFC 9457 problem details, as written by src/http/respond.c. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  /** mc_status_name(): "einval", "eauth", "eperm", "enotfound", "econflict", "elimit", … */
  code?: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
  /** POST /api/uploads 415: the kind the server found in the content (e.g. "text/plain"). */
  detected_type?: string;
}

export type RoleName =
  | 'director'
  | 'deputy_director'
  | 'head'
  | 'deputy_head'
  | 'specialist'
  | 'reception'
  | 'clerk'
  | 'control'
  | 'steering'
  | 'admin';

export interface RoleAssignment {
  role: RoleName;
  unit: string;
  unit_name: string;
  /** Vietnamese title from the server ("Phó Giám đốc"). */
  title?: string;
}

export interface UnitRef {
  code: string;
  name: string;
}

/** A person as GET /api/session and /api/people send them. */
export interface User {
  username: string;
  full_name: string;
  position: string | null;
  email?: string | null;
  phone?: string | null;
  disabled?: boolean;
  roles: RoleAssignment[];
  in_charge_of: UnitRef[];
}
export type Person = User;

export interface RoleInput {
  role: RoleName;
  unit: string;
}

export interface PersonCreate {
  username: string;
  full_name: string;
  position?: string;
  email?: string;
  phone?: string;
  password?: string;
  roles: RoleInput[];
  in_charge_of?: string[];
}

export interface PersonPatch {
  full_name?: string;
  position?: string;
  email?: string;
  phone?: string;
  password?: string;
  disabled?: boolean;
  roles?: RoleInput[];
  in_charge_of?: string[];
}

export type UnitKind = 'leadership' | 'office' | 'division' | 'subagency' | 'reception' | 'control' | 'committee';

export interface UnitNode {
  code: string;
  name: string;
  name_en?: string | null;
  kind: UnitKind;
  parent: string | null;
  children: UnitNode[];
}

export interface ApiToken {
  id: number;
  name: string;
  /** UTC seconds since the epoch. */
  created_at: number;
  last_used?: number | null;
  revoked_at?: number | null;
}

export interface NewApiToken {
  id: number;
  name: string;
  /** The secret, shown only once. */
  token: string;
  created_at: number;
}

export interface SessionInfo {
  csrf_token: string | null;
  user: User;
}

export interface Agency {
  code: string;
  name: string;
  name_en?: string | null;
  province?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  /** Chữ viết tắt tên cơ quan, printed in the forms' ký hiệu ("05/PXL-SNV"); null: none. */
  abbreviation?: string | null;
}

export interface Domain {
  code: string;
  name: string;
  name_en?: string | null;
  /** How many procedures (and internal items) the domain holds. */
  procedures?: number;
}

export type ProcedureKind = 'tthc' | 'internal';
export type ProcedureLevel = 'tinh' | 'xa' | 'huyen' | 'bo';
export type OnlineLevel = 'toan_trinh' | 'mot_phan';
export type TimeUnit = 'working_days' | 'working_hours';

export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
}

export interface ProcedureSummary {
  code: string;
  kind: ProcedureKind;
  name: string;
  domain: string | null;
  domain_name?: string | null;
  level: ProcedureLevel | null;
  online_level: OnlineLevel | null;
  unit?: string;
  unit_name?: string | null;
  /** How many cases (trường hợp) the procedure has. */
  cases?: number;
}

export interface ProcedureList {
  items: ProcedureSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface ProcedureQuery {
  q?: string;
  domain?: string;
  level?: ProcedureLevel;
  kind?: ProcedureKind;
  limit?: number;
  offset?: number;
}

export interface DossierComponent {
  name: string;
  /** null: the published procedure does not state a number. */
  original: number | null;
  certified_copy: number | null;
  copy: number | null;
  form: string | null;
  required: boolean;
  /** Position in its case, from 1: how the form-file routes name the component. */
  order?: number;
  /** The blank form to download, when an administrator attached one. */
  form_file?: FormFile | null;
}

/** A blank form (tờ khai) attached to a dossier component. */
export interface FormFile {
  id: number;
  name: string;
  size: number;
  mime: string;
  url: string;
}

export type StepSplit = 'exclusive' | 'parallel';

export interface ProcessStep {
  key: string;
  order?: number;
  name: string;
  role: RoleName;
  unit: string;
  unit_name?: string | null;
  /** Allotment in working hours (multiples of 0.5). */
  hours: number;
  forms: string[];
  outputs: string[];
  may_return: boolean;
  requires_signature: boolean;
  next: string[];
  /** exclusive (default): one next step is chosen; parallel: all start as branches. */
  split?: StepSplit;
  /** Exclusive steps: options that start several next steps at once, each a branch. */
  parallel_options?: string[][];
}

/** A step as POST /api/processes/{id}/versions takes it. */
export interface StepIn {
  key: string;
  name: string;
  role: RoleName | '';
  unit: string;
  hours: number;
  forms: string[];
  outputs: string[];
  may_return: boolean;
  requires_signature: boolean;
  next: string[];
  /** exclusive (default): one next step is chosen; parallel: all start as branches. */
  split?: StepSplit;
  /** Exclusive steps: options that start several next steps at once, each a branch. */
  parallel_options?: string[][];
}

export type ProcessStatus = 'draft' | 'submitted' | 'approved' | 'effective' | 'superseded';

/** A person named in an ISO control block (drafter, reviewer, approver). */
export interface ControlPerson {
  username: string;
  full_name?: string | null;
  position?: string | null;
}

/** The server names people by username; a later version may send objects. */
export type PersonRef = string | ControlPerson | null;

/** One version (lần ban hành) of a case's internal process, as sent. */
export interface ProcessVersionWire {
  /** The process's ISO code (QT-07): also its id in /api/processes/{id}. */
  code: string;
  name: string;
  issue: number;
  status: ProcessStatus;
  effective: string | null;
  drafter: PersonRef;
  reviewer: PersonRef;
  approver: PersonRef;
  created_at?: string;
  steps: ProcessStep[];
  /** The longest path in working hours, as the server computed it. */
  total_hours?: number;
  /** The case's legal limit in working hours. */
  limit_hours?: number;
  within_limit?: boolean;
}

/** The same, with people resolved to objects (what the pages use). */
export interface ProcessVersion extends Omit<ProcessVersionWire, 'drafter' | 'reviewer' | 'approver'> {
  drafter: ControlPerson | null;
  reviewer: ControlPerson | null;
  approver: ControlPerson | null;
}

export interface ProcedureCaseOf<V> {
  code: string;
  name: string;
  time_limit: TimeLimit;
  limit_hours?: number;
  components: DossierComponent[];
  process: V | null;
}
export type ProcedureCaseWire = ProcedureCaseOf<ProcessVersionWire>;
export type ProcedureCase = ProcedureCaseOf<ProcessVersion>;

export interface ProcedureDetailOf<C> {
  code: string;
  kind: ProcedureKind;
  name: string;
  domain: string | null;
  domain_name?: string | null;
  level: ProcedureLevel | null;
  unit: string;
  unit_name?: string | null;
  agency: string | null;
  applicants: string | null;
  result: string | null;
  fee: string | null;
  legal_basis: string[];
  online_level: OnlineLevel | null;
  announcing_decision: string | null;
  source: string | null;
  /** An internal work item's recurrence rule; null or absent: none. */
  recurrence?: Recurrence | null;
  cases: C[];
}
export type ProcedureDetailWire = ProcedureDetailOf<ProcedureCaseWire>;
export type ProcedureDetail = ProcedureDetailOf<ProcedureCase>;

/** One change of a version's status (ISO revision history). */
export interface VersionEventWire {
  at: string;
  /** Username; null for an import. */
  actor: PersonRef;
  from: ProcessStatus | null;
  to: ProcessStatus;
}

export interface VersionEvent extends Omit<VersionEventWire, 'actor'> {
  actor: ControlPerson | null;
}

export interface ProcessHistoryOf<V, E> {
  code: string;
  name: string;
  procedure: string | null;
  procedure_name: string | null;
  unit?: string;
  case: string | null;
  case_name: string | null;
  time_limit?: TimeLimit;
  limit_hours?: number;
  versions: (V & { history: E[] })[];
}
export type ProcessHistoryWire = ProcessHistoryOf<ProcessVersionWire, VersionEventWire>;
export type ProcessHistory = ProcessHistoryOf<ProcessVersion, VersionEvent>;

/** When a recurring internal task is due (docs/openapi.yaml Recurrence). */
export type RecurrenceEvery = 'week' | 'month' | 'quarter' | 'year';

export interface Recurrence {
  every: RecurrenceEvery;
  /** quarter: 1–3 (month within the quarter); year: 1–12. */
  month?: number;
  /** month, quarter, year: 1–31 (past the month's end: its last day). */
  day?: number;
  /** week: 1 = Monday … 7 = Sunday. */
  weekday?: number;
  lead_working_days?: number;
}

export interface RecurrenceState {
  code: string;
  recurrence: Recurrence | null;
  /** The lead in use (the rule's, else from the time limit). */
  lead_working_days?: number;
  next: { period: string; opens_on: string; due_on: string } | null;
}
