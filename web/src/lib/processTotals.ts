// The totals of an internal process: the longest path through its step
// graph (the time the process may take) against the case's legal limit.
import type { ProcessStep, TimeLimit } from '@/api/types';
import { limitInHours } from './workingTime';

export interface ProcessTotals {
  /** Working hours along the longest path from the first step to an end. */
  longestHours: number;
  /** Step keys on that path, in order. */
  path: string[];
  /** The legal limit in working hours. */
  limitHours: number;
  /** limitHours - longestHours: positive when the process is shorter than the law allows. */
  marginHours: number;
  withinLimit: boolean;
}

/** The step no other step leads to (the first in list order when several). */
function startKey(steps: ProcessStep[]): string | null {
  const targets = new Set(steps.flatMap((s) => s.next));
  return steps.find((s) => !targets.has(s.key))?.key ?? steps[0]?.key ?? null;
}

/**
 * Longest path by working hours. Unknown next keys are ignored and a cycle
 * (which the server refuses) is cut where it closes, so a malformed process
 * still yields a finite answer.
 */
export function longestPath(steps: ProcessStep[]): { hours: number; path: string[] } {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const memo = new Map<string, { hours: number; path: string[] }>();
  const visiting = new Set<string>();

  function walk(key: string): { hours: number; path: string[] } {
    const known = memo.get(key);
    if (known) return known;
    const step = byKey.get(key);
    if (!step || visiting.has(key)) return { hours: 0, path: [] };
    visiting.add(key);
    let best = { hours: 0, path: [] as string[] };
    for (const next of step.next) {
      const candidate = walk(next);
      if (candidate.hours > best.hours) best = candidate;
    }
    visiting.delete(key);
    const result = { hours: step.hours + best.hours, path: [key, ...best.path] };
    memo.set(key, result);
    return result;
  }

  const start = startKey(steps);
  return start === null ? { hours: 0, path: [] } : walk(start);
}

export function processTotals(steps: ProcessStep[], limit: TimeLimit): ProcessTotals {
  const { hours, path } = longestPath(steps);
  const limitHours = limitInHours(limit);
  return {
    longestHours: hours,
    path,
    limitHours,
    marginHours: limitHours - hours,
    withinLimit: hours <= limitHours,
  };
}
