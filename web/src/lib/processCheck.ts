// The server's process rules, computed in the browser for live validation
// (src/core/process.c core_process_check, and the body decoding of
// src/http/h_process.c before it). Same order of checks, same first error,
// same field paths ("steps[2].next[0]", "steps" for the whole graph) and, in
// English, the same message text; the longest path and its total are given
// even when they exceed the legal limit.
import type { TimeLimit } from '@/api/types';

export const MAX_STEPS = 64;
export const MAX_NEXT = 8;
/** The longest allotment of one step (STEP_MAX_HOURS). */
export const STEP_MAX_HOURS = 2000;
/** sizeof(struct mc_err.msg) - 1: the server elides the path to fit. */
export const MESSAGE_BYTES = 199;

const ROLES = new Set([
  'director',
  'deputy_director',
  'head',
  'deputy_head',
  'specialist',
  'reception',
  'clerk',
  'control',
  'steering',
  'admin',
]);

/** What the checks read of a step (an editor's draft or a server step). */
export interface CheckedStep {
  key: string;
  name: string;
  role: string;
  unit: string;
  /** null or NaN: not a number (an empty input). */
  hours: number | null;
  next: string[];
  /** Default exclusive. */
  split?: 'exclusive' | 'parallel';
  /** Exclusive steps: groups of next keys that start together (core_parallel_option). */
  parallel_options?: string[][];
  requires_signature?: boolean;
}

export type CheckCode =
  | 'empty'
  | 'tooFewSteps'
  | 'tooManySteps'
  | 'badKey'
  | 'duplicateKey'
  | 'unknownRole'
  | 'badUnit'
  | 'badHours'
  | 'tooManyNext'
  | 'noSuchKey'
  | 'selfNext'
  | 'namedTwice'
  | 'secondStart'
  | 'noStart'
  | 'cycle'
  | 'overLimitDays'
  | 'overLimitHours'
  | 'parallelFewNext'
  | 'parallelEmptyBranch'
  | 'parallelNested'
  | 'parallelBranchNext'
  | 'parallelSignature'
  | 'parallelNeverMeet'
  | 'parallelDifferentJoins'
  | 'optionOnParallel'
  | 'optionSize'
  | 'optionNotInNext'
  | 'optionOrder'
  | 'optionEmptyBranch'
  | 'optionDifferentJoins';

/** The first rule broken: where (a JSON path of the request body) and what. */
export interface CheckIssue {
  field: string;
  code: CheckCode;
  /** Named values of the message (keys, path, totals as the server writes them). */
  params: Record<string, string>;
  /** The step concerned, when there is one. */
  step: number | null;
}

export interface CheckTotals {
  /** The longest path in half hours (exact). */
  halfHours: number;
  hours: number;
  /** Indexes of the steps on it, in order. */
  path: number[];
  limitHours: number;
}

export interface CheckResult {
  issue: CheckIssue | null;
  /** Known when the graph is sound (also when it is over the limit). */
  totals: CheckTotals | null;
}

const ARROW = ' \u2192 ';
const ELLIPSIS = '\u2026';

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function codeOk(code: string): boolean {
  return /^[A-Za-z0-9._-]{1,32}$/.test(code);
}

function unitCodeOk(code: string): boolean {
  return /^[A-Z0-9_-]{1,16}$/.test(code);
}

/** core_halves_of: a positive multiple of 0.5 up to the maximum, as a count of halves. */
export function halvesOf(amount: number | null, max: number): number | null {
  if (amount === null || !Number.isFinite(amount) || amount <= 0 || amount > max) return null;
  const h = amount * 2;
  return Number.isInteger(h) ? h : null;
}

/** append_hours: "128", "128.5". */
export function hoursText(halfHours: number): string {
  return `${Math.trunc(halfHours / 2)}${halfHours % 2 ? '.5' : ''}`;
}

function limitHalfHours(limit: TimeLimit): number {
  const halves = Math.round(limit.amount * 2);
  return limit.unit === 'working_days' ? halves * 8 : halves;
}

function stepField(prefix: string, i: number, suffix: string): string {
  return `${prefix}${prefix ? '.' : ''}steps[${i}]${suffix}`;
}

/** fail_process: without a prefix the body's "steps" names the process. */
function processField(prefix: string, suffix: string): string {
  if (!prefix) return suffix.startsWith('.') ? suffix.slice(1) : 'steps';
  return `${prefix}${suffix}`;
}

function issue(field: string, code: CheckCode, step: number | null, params: Record<string, string> = {}): CheckResult {
  return { issue: { field, code, params, step }, totals: null };
}

/** The decoding of h_process.c: required texts are not empty. */
function decodeIssue(steps: CheckedStep[]): CheckResult | null {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    for (const name of ['key', 'name', 'role', 'unit'] as const) {
      if (s[name] === '') return issue(`steps[${i}].${name}`, 'empty', i);
    }
  }
  return null;
}

function stepIssue(steps: CheckedStep[], prefix: string, i: number, halves: number[]): CheckResult | null {
  const s = steps[i]!;
  if (!codeOk(s.key)) return issue(stepField(prefix, i, '.key'), 'badKey', i);
  if (steps.findIndex((o) => o.key === s.key) !== i) {
    return issue(stepField(prefix, i, '.key'), 'duplicateKey', i, { key: s.key });
  }
  if (!ROLES.has(s.role)) return issue(stepField(prefix, i, '.role'), 'unknownRole', i, { role: s.role });
  if (!unitCodeOk(s.unit)) return issue(stepField(prefix, i, '.unit'), 'badUnit', i);
  const h = halvesOf(s.hours, STEP_MAX_HOURS);
  if (h === null) return issue(stepField(prefix, i, '.hours'), 'badHours', i);
  halves[i] = h;
  return null;
}

function nextIssue(steps: CheckedStep[], prefix: string, i: number, succ: number[][], indeg: number[]): CheckResult | null {
  const s = steps[i]!;
  if (s.next.length > MAX_NEXT) return issue(stepField(prefix, i, '.next'), 'tooManyNext', i);
  for (let k = 0; k < s.next.length; k++) {
    const key = s.next[k]!;
    const j = steps.findIndex((o) => o.key === key);
    let code: CheckCode | null = null;
    if (j < 0) code = 'noSuchKey';
    else if (j === i) code = 'selfNext';
    else if (succ[i]!.slice(0, k).includes(j)) code = 'namedTwice';
    if (code) return issue(stepField(prefix, i, `.next[${k}]`), code, i, { key: key ?? '' });
    succ[i]!.push(j);
    indeg[j]!++;
  }
  return null;
}

/** on_cycle: from the first step left unordered, follow unordered successors until one repeats. */
function onCycle(succ: number[][], indeg: number[]): number {
  let cur = indeg.findIndex((d) => d > 0);
  const seen = new Set<number>();
  while (!seen.has(cur)) {
    seen.add(cur);
    const next = succ[cur]!.find((v) => indeg[v]! > 0);
    if (next !== undefined) cur = next;
  }
  return cur;
}

/** append_path: "a → b → c", middle keys elided ("a → … → y → z") past `budget` bytes. */
export function pathText(keys: string[], budget: number): string {
  const arrow = utf8Length(ARROW);
  const full = keys.reduce((n, k, i) => n + utf8Length(k) + (i ? arrow : 0), 0);
  let firstTail = 1;
  if (full > budget && keys.length > 2) {
    let used = utf8Length(keys[0]!) + 2 * arrow + 3;
    firstTail = keys.length;
    while (firstTail > 1) {
      const k = utf8Length(keys[firstTail - 1]!) + arrow;
      if (used + k > budget && firstTail < keys.length) break;
      used += k;
      firstTail--;
    }
  }
  let text = keys[0]!;
  if (firstTail > 1) text += ARROW + ELLIPSIS;
  for (let i = firstTail; i < keys.length; i++) text += ARROW + keys[i]!;
  return text;
}

function overLimit(steps: CheckedStep[], prefix: string, totals: CheckTotals, limit: TimeLimit): CheckIssue {
  const limitHalves = Math.round(limit.amount * 2);
  const days = limit.unit === 'working_days';
  const total = hoursText(totals.halfHours);
  const tail = days
    ? ` takes ${total} working hours, more than the legal limit of ${hoursText(limitHalves)} working days (${hoursText(limitHalfHours(limit))} working hours)`
    : ` takes ${total} working hours, more than the legal limit of ${hoursText(limitHalves)} working hours`;
  const fixed = utf8Length('the longest path ') + utf8Length(tail);
  const budget = MESSAGE_BYTES > fixed ? MESSAGE_BYTES - fixed : 0;
  return {
    field: processField(prefix, ''),
    code: days ? 'overLimitDays' : 'overLimitHours',
    step: null,
    params: {
      path: pathText(
        totals.path.map((i) => steps[i]!.key),
        budget,
      ),
      fullPath: totals.path.map((i) => steps[i]!.key).join(ARROW),
      total,
      limit: hoursText(limitHalves),
      limitHours: hoursText(limitHalfHours(limit)),
    },
  };
}

/** Kahn's algorithm from the start, relaxing the longest distance (longest_path). */
function longest(steps: CheckedStep[], prefix: string, start: number, succ: number[][], indeg: number[], halves: number[]) {
  const n = steps.length;
  const dist = halves.slice();
  const pred = new Array<number>(n).fill(-1);
  const order = [start];
  for (let head = 0; head < order.length; head++) {
    const u = order[head]!;
    for (const v of succ[u]!) {
      if (dist[u]! + halves[v]! > dist[v]!) {
        dist[v] = dist[u]! + halves[v]!;
        pred[v] = u;
      }
      if (--indeg[v]! === 0) order.push(v);
    }
  }
  if (order.length < n) {
    const c = onCycle(succ, indeg);
    return issue(stepField(prefix, c, '.next'), 'cycle', c, { key: steps[c]!.key });
  }
  let end = start;
  for (let i = 0; i < n; i++) if (dist[i]! > dist[end]!) end = i;
  const path: number[] = [];
  for (let v = end; v >= 0; v = pred[v]!) path.unshift(v);
  return path.length ? { halfHours: dist[end]!, path } : null;
}

/** walk_branch: the branch of the block opened at step i whose first step is `cur`. */
function walkBranch(
  steps: CheckedStep[],
  prefix: string,
  succ: number[][],
  indeg: number[],
  i: number,
  cur: number,
  firstField: string,
  option: boolean,
): CheckResult | number {
  const split = steps[i]!.key;
  if (indeg[cur]! > 1) {
    return issue(stepField(prefix, i, firstField), option ? 'optionEmptyBranch' : 'parallelEmptyBranch', i, {
      key: steps[cur]!.key,
      split,
    });
  }
  for (let guard = 0; guard <= steps.length; guard++) {
    const s = steps[cur]!;
    if (indeg[cur]! > 1) return cur;
    if (s.split === 'parallel') return issue(stepField(prefix, cur, '.split'), 'parallelNested', cur, { key: s.key, split });
    if (s.next.length !== 1) return issue(stepField(prefix, cur, '.next'), 'parallelBranchNext', cur, { key: s.key, split });
    if (s.requires_signature) {
      return issue(stepField(prefix, cur, '.requires_signature'), 'parallelSignature', cur, { key: s.key, split });
    }
    cur = succ[cur]![0]!;
  }
  return issue(stepField(prefix, i, '.split'), 'parallelNeverMeet', i, { key: split });
}

/** check_block: the branches starting at next indexes `first` of step i all meet at one join. */
function blockIssue(
  steps: CheckedStep[],
  prefix: string,
  succ: number[][],
  indeg: number[],
  i: number,
  first: number[],
  head: string,
): CheckResult | null {
  const s = steps[i]!;
  const option = head !== '.next';
  let join = -1;
  for (let k = 0; k < first.length; k++) {
    const j = walkBranch(steps, prefix, succ, indeg, i, succ[i]![first[k]!]!, `${head}[${k}]`, option);
    if (typeof j !== 'number') return j;
    if (join >= 0 && j !== join) {
      return issue(
        stepField(prefix, i, option ? '.parallel_options' : '.split'),
        option ? 'optionDifferentJoins' : 'parallelDifferentJoins',
        i,
        { key: s.key, a: steps[join]!.key, b: steps[j]!.key },
      );
    }
    join = j;
  }
  return null;
}

/** check_options: an exclusive step's parallel options, runs of next in order, each a block. */
function optionsIssue(steps: CheckedStep[], prefix: string, succ: number[][], indeg: number[], i: number): CheckResult | null {
  const s = steps[i]!;
  const options = s.parallel_options ?? [];
  if (options.length === 0) return null;
  if (s.split === 'parallel') return issue(stepField(prefix, i, '.parallel_options'), 'optionOnParallel', i);
  let from = 0;
  for (let o = 0; o < options.length; o++) {
    const keys = options[o]!;
    if (keys.length < 2 || keys.length > MAX_NEXT) {
      return issue(stepField(prefix, i, `.parallel_options[${o}]`), 'optionSize', i);
    }
    const first: number[] = [];
    for (let m = 0; m < keys.length; m++) {
      const k = s.next.lastIndexOf(keys[m]!);
      const field = stepField(prefix, i, `.parallel_options[${o}][${m}]`);
      if (k < 0) return issue(field, 'optionNotInNext', i, { key: keys[m]! });
      if ((m === 0 && k < from) || (m > 0 && k !== first[m - 1]! + 1)) {
        return issue(field, 'optionOrder', i, { key: keys[m]! });
      }
      first.push(k);
    }
    from = first[first.length - 1]! + 1;
    const found = blockIssue(steps, prefix, succ, indeg, i, first, `.parallel_options[${o}]`);
    if (found) return found;
  }
  return null;
}

/** check_parallel: every parallel split and parallel option opens a well-formed block. */
function parallelIssue(steps: CheckedStep[], prefix: string, succ: number[][], indeg: number[]): CheckResult | null {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const opt = optionsIssue(steps, prefix, succ, indeg, i);
    if (opt) return opt;
    if (s.split !== 'parallel') continue;
    if (s.next.length < 2) return issue(stepField(prefix, i, '.split'), 'parallelFewNext', i, { key: s.key });
    const found = blockIssue(
      steps,
      prefix,
      succ,
      indeg,
      i,
      s.next.map((_, k) => k),
      '.next',
    );
    if (found) return found;
    // Other steps may lead to the join too: alternatives to the block (C check_parallel).
  }
  return null;
}

/**
 * Check steps against a case's legal limit as the server does. `prefix`
 * names the fields ("" for a request body, as the API reports them).
 */
export function checkProcess(steps: CheckedStep[], limit: TimeLimit, prefix = ''): CheckResult {
  if (steps.length === 0) return issue(processField(prefix, '.steps'), 'tooFewSteps', null);
  if (steps.length > MAX_STEPS) return issue(processField(prefix, '.steps'), 'tooManySteps', null);
  if (!prefix) {
    const decoded = decodeIssue(steps);
    if (decoded) return decoded;
  }
  const n = steps.length;
  const halves = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const found = stepIssue(steps, prefix, i, halves);
    if (found) return found;
  }
  const succ: number[][] = steps.map(() => []);
  const indeg = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const found = nextIssue(steps, prefix, i, succ, indeg);
    if (found) return found;
  }
  const starts = indeg.flatMap((d, i) => (d === 0 ? [i] : []));
  if (starts.length === 0) return issue(processField(prefix, '.steps'), 'noStart', null);
  if (starts.length > 1) {
    return issue(stepField(prefix, starts[1]!, ''), 'secondStart', starts[1]!, { key: steps[starts[1]!]!.key });
  }
  const indegAll = indeg.slice();
  const found = longest(steps, prefix, starts[0]!, succ, indeg, halves);
  if (found === null) return { issue: null, totals: null };
  if ('issue' in found) return found;
  const block = parallelIssue(steps, prefix, succ, indegAll);
  if (block) return block;
  const totals: CheckTotals = {
    halfHours: found.halfHours,
    hours: found.halfHours / 2,
    path: found.path,
    limitHours: limitHalfHours(limit) / 2,
  };
  if (found.halfHours > limitHalfHours(limit)) {
    return { issue: overLimit(steps, prefix, totals, limit), totals };
  }
  return { issue: null, totals };
}
