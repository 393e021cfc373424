import { describe, expect, it } from 'vitest';
import type { ProcessStep } from '@/api/types';
import { timelineRows } from './processTimeline';

function step(key: string, next: string[], split: 'exclusive' | 'parallel' = 'exclusive'): ProcessStep {
  return { key, name: key, role: 'specialist', unit: 'VP', hours: 1, forms: [], outputs: [], may_return: false, requires_signature: false, next, split };
}

describe('timelineRows', () => {
  it('puts the branches of a parallel split side by side, then the join', () => {
    const steps = [
      step('a', ['b', 'c'], 'parallel'),
      step('b', ['b2']),
      step('c', ['d']),
      step('b2', ['d']),
      step('d', []),
    ];
    expect(timelineRows(steps)).toEqual([
      { kind: 'step', index: 0 },
      { kind: 'parallel', split: 0, join: 4, branches: [[1, 3], [2]] },
      { kind: 'step', index: 4 },
    ]);
  });

  it('keeps an exclusive choice as a list of steps', () => {
    const steps = [step('a', ['b', 'c']), step('b', ['d']), step('c', ['d']), step('d', [])];
    expect(timelineRows(steps).map((r) => r.kind)).toEqual(['step', 'step', 'step', 'step']);
  });
});
