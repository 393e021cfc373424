import { describe, expect, it } from 'vitest';
import { checkProcess, type CheckedStep } from './processCheck';
import { forwardChoices, optionIndexOf, pruneOptions, withParallelOption } from './parallelOptions';

describe('forwardChoices', () => {
  it('folds the steps of a parallel option into one choice named by its first step', () => {
    const choices = forwardChoices([
      { key: 'tham_dinh', name: 'Thẩm định', parallel: null },
      { key: 'y_kien_ccvc', name: 'Ý kiến CCVC', parallel: ['y_kien_ccvc', 'y_kien_xdcq'] },
      { key: 'y_kien_xdcq', name: 'Ý kiến XDCQ', parallel: ['y_kien_ccvc', 'y_kien_xdcq'] },
    ]);
    expect(choices).toHaveLength(2);
    expect(choices[0]).toEqual({ value: 'tham_dinh', steps: [{ key: 'tham_dinh', name: 'Thẩm định' }], parallel: false });
    expect(choices[1]!.value).toBe('y_kien_ccvc');
    expect(choices[1]!.parallel).toBe(true);
    expect(choices[1]!.steps.map((s) => s.name)).toEqual(['Ý kiến CCVC', 'Ý kiến XDCQ']);
  });

  it('lists plain choices unchanged', () => {
    expect(forwardChoices([{ key: 'a', name: 'A' }, { key: 'b', name: 'B' }]).map((c) => c.value)).toEqual(['a', 'b']);
  });
});

describe('editing a parallel option', () => {
  const steps = (s: CheckedStep): CheckedStep[] => [
    s,
    { key: 'b', name: 'B', role: 'specialist', unit: 'VP', hours: 1, next: ['d'] },
    { key: 'c', name: 'C', role: 'specialist', unit: 'VP', hours: 1, next: ['d'] },
    { key: 'd', name: 'D', role: 'specialist', unit: 'VP', hours: 1, next: [] },
  ];
  const chooser: CheckedStep = { key: 's', name: 'S', role: 'head', unit: 'VP', hours: 1, next: ['b', 'd', 'c'] };

  it('moves the chosen keys together so that the server accepts the option', () => {
    const bad = checkProcess(steps({ ...chooser, parallel_options: [['b', 'c']] }), { amount: 5, unit: 'working_days' });
    expect(bad.issue?.code).toBe('optionOrder');
    const s = withParallelOption(chooser, ['c', 'b']);
    expect(s.next).toEqual(['b', 'c', 'd']);
    expect(s.parallel_options).toEqual([['b', 'c']]);
    expect(checkProcess(steps(s), { amount: 5, unit: 'working_days' }).issue).toBeNull();
    expect(optionIndexOf(s.parallel_options, 'c')).toBe(0);
    expect(optionIndexOf(s.parallel_options, 'd')).toBe(-1);
  });

  it('drops an option left with one step', () => {
    const s = withParallelOption(chooser, ['b', 'c']);
    expect(pruneOptions({ ...s, next: ['b', 'd'] }).parallel_options).toEqual([]);
    expect(withParallelOption(chooser, ['b']).parallel_options).toEqual([]);
  });
});
