// The process editor's model: a list of step drafts and the edits on it.
// Pure functions over plain data (the editor keeps the list in a ref), so
// that keys renamed or steps removed never leave a dangling "next".
import type { ProcessStep, RoleName, StepIn, StepSplit } from '@/api/types';
import { pruneOptions } from './parallelOptions';
import type { CheckedStep } from './processCheck';

export interface StepDraft extends CheckedStep {
  /** A stable id for rendering (keys change while typing). */
  uid: number;
  role: RoleName | '';
  forms: string[];
  outputs: string[];
  may_return: boolean;
  requires_signature: boolean;
  split: StepSplit;
  /** Exclusive steps: next steps that start together when chosen. */
  parallel_options: string[][];
}

let lastUid = 0;
function uid(): number {
  return ++lastUid;
}

export function draftFrom(steps: ProcessStep[]): StepDraft[] {
  return steps.map((s) => ({
    uid: uid(),
    key: s.key,
    name: s.name,
    role: s.role,
    unit: s.unit,
    hours: s.hours,
    forms: [...(s.forms ?? [])],
    outputs: [...(s.outputs ?? [])],
    may_return: s.may_return,
    requires_signature: s.requires_signature,
    next: [...s.next],
    split: s.split ?? 'exclusive',
    parallel_options: (s.parallel_options ?? []).map((o) => [...o]),
  }));
}

/** A key not used yet: buoc_N. */
export function freshKey(steps: StepDraft[]): string {
  const used = new Set(steps.map((s) => s.key));
  let n = steps.length + 1;
  while (used.has(`buoc_${n}`)) n++;
  return `buoc_${n}`;
}

/**
 * A new step after `index` (-1: at the top) that takes over the next steps
 * of the one before it, which now leads to it: inserting keeps the chain.
 */
export function insertStep(steps: StepDraft[], index: number, defaults: Pick<StepDraft, 'role' | 'unit'>): StepDraft[] {
  const key = freshKey(steps);
  const before = index >= 0 ? steps[index] : null;
  const step: StepDraft = {
    uid: uid(),
    key,
    name: '',
    role: defaults.role,
    unit: defaults.unit,
    hours: 4,
    forms: [],
    outputs: [],
    may_return: false,
    requires_signature: false,
    split: 'exclusive',
    next: before ? [...before.next] : steps[0] ? [steps[0].key] : [],
    parallel_options: before ? before.parallel_options.map((o) => [...o]) : [],
  };
  const out = steps.map((s) => (s === before ? { ...s, next: [key], parallel_options: [] } : s));
  out.splice(index + 1, 0, step);
  return out;
}

/** Remove a step; steps that led to it lead to its next steps instead. */
export function removeStep(steps: StepDraft[], index: number): StepDraft[] {
  const gone = steps[index];
  if (!gone) return steps;
  return steps
    .filter((_, i) => i !== index)
    .map((s) => {
      if (!s.next.includes(gone.key)) return s;
      const next: string[] = [];
      for (const k of s.next) {
        for (const t of k === gone.key ? gone.next : [k]) if (t !== s.key && !next.includes(t)) next.push(t);
      }
      return pruneOptions({ ...s, next });
    });
}

/** Move a step up (-1) or down (+1) in the list; the graph is unchanged. */
export function moveStep(steps: StepDraft[], index: number, by: -1 | 1): StepDraft[] {
  const to = index + by;
  if (to < 0 || to >= steps.length) return steps;
  const out = [...steps];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** Rename a key and every next that names it. */
export function renameKey(steps: StepDraft[], index: number, key: string): StepDraft[] {
  const old = steps[index]?.key ?? '';
  return steps.map((s, i) => ({
    ...s,
    key: i === index ? key : s.key,
    next: s.next.map((k) => (k === old && old !== '' ? key : k)),
    parallel_options: s.parallel_options.map((o) => o.map((k) => (k === old && old !== '' ? key : k))),
  }));
}

/** Lines of a textarea as a list (blank lines dropped). */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The request body's steps (POST /api/processes/{id}/versions). */
export function toStepsIn(steps: StepDraft[]): StepIn[] {
  return steps.map((s) => ({
    key: s.key,
    name: s.name.trim(),
    role: s.role,
    unit: s.unit,
    hours: s.hours ?? 0,
    forms: s.forms,
    outputs: s.outputs,
    may_return: s.may_return,
    requires_signature: s.requires_signature,
    next: s.next,
    split: s.split,
    ...(s.split !== 'parallel' && s.parallel_options.length ? { parallel_options: s.parallel_options } : {}),
  }));
}
