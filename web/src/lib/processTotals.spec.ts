import { describe, expect, it } from 'vitest';
import type { ProcessStep } from '@/api';
import { longestPath, processTotals } from './processTotals';

function step(key: string, hours: number, next: string[]): ProcessStep {
  return {
    key,
    name: key,
    role: 'specialist',
    unit: 'TCBC',
    hours,
    forms: [],
    outputs: [],
    may_return: false,
    requires_signature: false,
    next,
  };
}

// The shape of demo process QT-01 (hội tự giải thể): an optional
// consultation beside the direct path from appraisal to review.
const dissolution: ProcessStep[] = [
  step('tiep_nhan', 4, ['phan_cong']),
  step('phan_cong', 4, ['tham_dinh']),
  step('tham_dinh', 127, ['lay_y_kien', 'xem_xet']),
  step('lay_y_kien', 43, ['xem_xet']),
  step('xem_xet', 8, ['phe_duyet']),
  step('phe_duyet', 16, ['tra_ket_qua']),
  step('tra_ket_qua', 4, []),
];

describe('longestPath', () => {
  it('sums a straight line', () => {
    const steps = [step('a', 4, ['b']), step('b', 8, ['c']), step('c', 4, [])];
    expect(longestPath(steps)).toEqual({ hours: 16, path: ['a', 'b', 'c'] });
  });

  it('takes the longer branch', () => {
    const result = longestPath(dissolution);
    expect(result.hours).toBe(4 + 4 + 127 + 43 + 8 + 16 + 4);
    expect(result.path).toContain('lay_y_kien');
  });

  it('starts from the step nothing leads to, wherever it is listed', () => {
    const steps = [step('b', 8, ['c']), step('c', 1, []), step('a', 2, ['b'])];
    expect(longestPath(steps)).toEqual({ hours: 11, path: ['a', 'b', 'c'] });
  });

  it('survives unknown keys and cycles', () => {
    const steps = [step('a', 2, ['b', 'ghost']), step('b', 3, ['a'])];
    expect(longestPath(steps).hours).toBe(5);
    expect(longestPath([]).hours).toBe(0);
  });
});

describe('processTotals', () => {
  it('compares the longest path with a limit in working days', () => {
    const totals = processTotals(dissolution, { amount: 45, unit: 'working_days' });
    expect(totals.longestHours).toBe(206);
    expect(totals.limitHours).toBe(360);
    expect(totals.marginHours).toBe(154);
    expect(totals.withinLimit).toBe(true);
  });

  it('flags a process longer than the law allows', () => {
    const totals = processTotals(dissolution, { amount: 200, unit: 'working_hours' });
    expect(totals.withinLimit).toBe(false);
    expect(totals.marginHours).toBe(-6);
  });

  it('counts a process exactly at the limit as within it', () => {
    const totals = processTotals([step('a', 8, ['b']), step('b', 8, [])], { amount: 2, unit: 'working_days' });
    expect(totals.marginHours).toBe(0);
    expect(totals.withinLimit).toBe(true);
  });
});
