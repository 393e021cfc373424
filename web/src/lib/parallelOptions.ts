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
 * Make `keys` (next steps of the step) its one parallel option, or none when
 * fewer than two: the option's keys move together to where the first of
 * them was in next, so that the server's rule (a run of next, same order)
 * holds.
 */
export function withParallelOption<T extends Graph>(step: T, keys: string[]): T {
  const chosen = step.next.filter((k) => keys.includes(k));
  if (chosen.length < 2) return { ...step, parallel_options: [] };
  const at = step.next.indexOf(chosen[0]!);
  const rest = step.next.filter((k) => !chosen.includes(k));
  const before = step.next.slice(0, at).filter((k) => !chosen.includes(k));
  const next = [...before, ...chosen, ...rest.slice(before.length)];
  return { ...step, next, parallel_options: [chosen] };
}

/** After next changed: options keep only keys still in next (dropped below two: gone). */
export function pruneOptions<T extends Graph>(step: T): T {
  const options = (step.parallel_options ?? []).map((o) => o.filter((k) => step.next.includes(k))).filter((o) => o.length > 1);
  const first = options[0];
  // Keep the rule (a run of next in order) when a key was removed from the middle.
  return first ? withParallelOption({ ...step, parallel_options: options }, first) : { ...step, parallel_options: [] };
}
