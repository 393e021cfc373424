// The procedure page's timeline as rows: one step after another, except
// that the branches of a parallel split or of a parallel option of a choice
// (docs/IMPORT.md "process") are one row of columns, side by side, each
// branch a chain of steps up to the join.
import type { ProcessStep } from '@/api/types';

export type TimelineRow =
  | { kind: 'step'; index: number }
  | { kind: 'parallel'; split: number; join: number | null; branches: number[][]; option?: number };

/** Indexes of the branch steps starting at `firsts`, or null if the block is not well formed. */
function branchesOf(steps: ProcessStep[], firsts: string[]): { branches: number[][]; join: number | null } | null {
  const indexOf = new Map(steps.map((s, i) => [s.key, i]));
  const indeg = new Map<string, number>();
  for (const s of steps) for (const k of s.next) indeg.set(k, (indeg.get(k) ?? 0) + 1);
  const branches: number[][] = [];
  let join: number | null = null;
  for (const first of firsts) {
    const chain: number[] = [];
    let cur = indexOf.get(first);
    while (cur !== undefined && (indeg.get(steps[cur]!.key) ?? 0) <= 1 && chain.length <= steps.length) {
      chain.push(cur);
      if (steps[cur]!.next.length !== 1) break;
      cur = indexOf.get(steps[cur]!.next[0]!);
    }
    if (chain.length === 0) return null;
    if (cur !== undefined && (indeg.get(steps[cur]!.key) ?? 0) > 1) join = cur;
    branches.push(chain);
  }
  return { branches, join };
}

export function timelineRows(steps: ProcessStep[]): TimelineRow[] {
  const inBranch = new Set<number>();
  const blocks = new Map<number, TimelineRow[]>();
  steps.forEach((s, i) => {
    const groups = s.split === 'parallel' ? (s.next.length >= 2 ? [s.next] : []) : (s.parallel_options ?? []);
    groups.forEach((firsts, o) => {
      const b = branchesOf(steps, firsts);
      if (!b) return;
      b.branches.flat().forEach((j) => inBranch.add(j));
      const row: TimelineRow = { kind: 'parallel', split: i, join: b.join, branches: b.branches };
      if (s.split !== 'parallel') row.option = o;
      blocks.set(i, [...(blocks.get(i) ?? []), row]);
    });
  });
  const rows: TimelineRow[] = [];
  steps.forEach((_, i) => {
    if (inBranch.has(i)) return;
    rows.push({ kind: 'step', index: i });
    rows.push(...(blocks.get(i) ?? []));
  });
  return rows;
}

/**
 * How many parallel branches the step `key` opens when it is forwarded (0
 * if it is not a parallel split). An exclusive option that is such a step
 * is "choose, then run in parallel": the card says so beside the option.
 */
export function branchesOpenedBy(steps: ProcessStep[], key: string): number {
  const s = steps.find((x) => x.key === key);
  return s && s.split === 'parallel' && s.next.length >= 2 ? s.next.length : 0;
}
