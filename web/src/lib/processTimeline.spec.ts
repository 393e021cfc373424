import { describe, expect, it } from 'vitest';
import type { ProcessStep } from '@/api/types';
import { branchesOpenedBy, timelineRows } from './processTimeline';

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

  it('draws a parallel option after its choosing step, the plain option as a step', () => {
    const steps = [
      { ...step('truong_phong', ['tham_dinh', 'y_kien_ccvc', 'y_kien_xdcq']), parallel_options: [['y_kien_ccvc', 'y_kien_xdcq']] },
      step('tham_dinh', ['tong_hop']),
      step('y_kien_ccvc', ['tong_hop']),
      step('y_kien_xdcq', ['tong_hop']),
      step('tong_hop', []),
    ];
    expect(timelineRows(steps)).toEqual([
      { kind: 'step', index: 0 },
      { kind: 'parallel', split: 0, join: 4, branches: [[2], [3]], option: 0 },
      { kind: 'step', index: 1 },
      { kind: 'step', index: 4 },
    ]);
  });

  it('keeps an exclusive choice as a list of steps', () => {
    const steps = [step('a', ['b', 'c']), step('b', ['d']), step('c', ['d']), step('d', [])];
    expect(timelineRows(steps).map((r) => r.kind)).toEqual(['step', 'step', 'step', 'step']);
  });

  it('draws choose, then run in parallel: the option step, its block, then the join that is also the other option', () => {
    const steps = [
      step('tham_dinh', ['xem_xet', 'lay_y_kien']),
      step('lay_y_kien', ['y_kien_ccvc', 'doi_chieu'], 'parallel'),
      step('y_kien_ccvc', ['xem_xet']),
      step('doi_chieu', ['xem_xet']),
      step('xem_xet', []),
    ];
    expect(timelineRows(steps)).toEqual([
      { kind: 'step', index: 0 },
      { kind: 'step', index: 1 },
      { kind: 'parallel', split: 1, join: 4, branches: [[2], [3]] },
      { kind: 'step', index: 4 },
    ]);
    expect(branchesOpenedBy(steps, 'lay_y_kien')).toBe(2);
    expect(branchesOpenedBy(steps, 'xem_xet')).toBe(0);
    expect(branchesOpenedBy(steps, 'nowhere')).toBe(0);
  });
});
