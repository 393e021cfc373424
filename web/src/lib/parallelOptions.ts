// Parallel options of an exclusive step ("choose, then run in parallel" as
// the bpmn.io modeler draws it: docs/ENGINE.md "Parallel branches"): some
// of a step's next steps start together when the holder chooses them. The
// server keeps each option as a run of `next` in the same order; these
// helpers keep the editor's drafts that way and group the action form's
// choices.

export interface NextChoice {
  key: string;
  name: string;
  /** The keys of the parallel option this step belongs to, or null/absent. */
  parallel?: string[] | null;
}

/** One entry of the forward form: a step, or a parallel option (value = its first key). */
export interface ForwardChoice {
  value: string;
  steps: { key: string; name: string }[];
  parallel: boolean;
}

/** The dossier view's next_steps, an option's steps folded into one choice. */
export function forwardChoices(next: NextChoice[]): ForwardChoice[] {
  const out: ForwardChoice[] = [];
  const seen = new Set<string>();
  for (const n of next) {
    const group = n.parallel && n.parallel.length > 1 ? n.parallel : null;
    if (!group) {
      out.push({ value: n.key, steps: [{ key: n.key, name: n.name }], parallel: false });
      continue;
    }
    if (seen.has(group[0]!)) continue;
    seen.add(group[0]!);
    const steps = group.map((k) => ({ key: k, name: next.find((x) => x.key === k)?.name ?? k }));
    out.push({ value: group[0]!, steps, parallel: true });
  }
  return out;
}

/** The parallel option (index) that `key` belongs to, or -1. */
export function optionIndexOf(options: string[][] | undefined, key: string): number {
  return (options ?? []).findIndex((o) => o.includes(key));
}

interface Graph {
  next: string[];
  parallel_options?: string[][];
}

/**
 * Give the step the parallel options `groups`, as the server requires them
 * (core/process.c check_options): each option keeps only keys of next, in
 * next's order; a key already in an earlier option is left out of a later
 * one (options are disjoint); an option left with fewer than two steps is
 * gone (one step is a plain choice). Each option's keys then move together
 * to where the first of them was in next, and the options are listed in the
 * order they now appear in next.
 */
export function withOptions<T extends Graph>(step: T, groups: string[][]): T {
  const taken = new Set<string>();
  const kept: string[][] = [];
  for (const g of groups) {
    const keys = step.next.filter((k) => g.includes(k) && !taken.has(k));
    if (keys.length < 2) continue;
    keys.forEach((k) => taken.add(k));
    kept.push(keys);
  }
  const next: string[] = [];
  const options: string[][] = [];
  for (const k of step.next) {
    if (next.includes(k)) continue;
    const group = kept.find((o) => o.includes(k));
    if (group) {
      next.push(...group);
      options.push(group);
    } else {
      next.push(k);
    }
  }
  return { ...step, next, parallel_options: options };
}

/** Make `keys` the step's one parallel option (none when fewer than two). */
export function withParallelOption<T extends Graph>(step: T, keys: string[]): T {
  return withOptions(step, [keys]);
}

/** After next changed: options keep only keys still in next (dropped below two: gone). */
export function pruneOptions<T extends Graph>(step: T): T {
  return withOptions(step, step.parallel_options ?? []);
}

/** The next steps in no parallel option: what a new option can take. */
export function freeKeys(step: Graph): string[] {
  const options = step.parallel_options ?? [];
  return step.next.filter((k) => !options.some((o) => o.includes(k)));
}

/** A further option of the last two free next steps (unchanged when fewer are free). */
export function addOption<T extends Graph>(step: T): T {
  const free = freeKeys(step);
  if (free.length < 2) return step;
  return withOptions(step, [...(step.parallel_options ?? []), free.slice(-2)]);
}

/** The step without its option number `o`: its steps become plain choices again. */
export function removeOption<T extends Graph>(step: T, o: number): T {
  return withOptions(
    step,
    (step.parallel_options ?? []).filter((_, i) => i !== o),
  );
}

/** Put `key` into option `o` (taking it out of any other) or take it out. */
export function setOptionKey<T extends Graph>(step: T, o: number, key: string, on: boolean): T {
  const groups = (step.parallel_options ?? []).map((g) => g.filter((k) => k !== key));
  if (on && groups[o]) groups[o].push(key);
  return withOptions(step, groups);
}
