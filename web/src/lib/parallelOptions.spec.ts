import { describe, expect, it } from 'vitest';
import { checkProcess, type CheckedStep } from './processCheck';
import {
  addOption,
  forwardChoices,
  freeKeys,
  optionIndexOf,
  pruneOptions,
  removeOption,
  setOptionKey,
  withOptions,
  withParallelOption,
} from './parallelOptions';

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

describe('editing several parallel options of one step', () => {
  // s chooses between a (plain) and two options, {b, c} and {e, f}; all meet at d.
  const branch = (key: string): CheckedStep => ({ key, name: key.toUpperCase(), role: 'specialist', unit: 'VP', hours: 1, next: ['d'] });
  const steps = (s: CheckedStep): CheckedStep[] => [
    s,
    branch('a'),
    branch('b'),
    branch('c'),
    branch('e'),
    branch('f'),
    { key: 'd', name: 'D', role: 'specialist', unit: 'VP', hours: 1, next: [] },
  ];
  const due = { amount: 5, unit: 'working_days' as const };
  const chooser: CheckedStep = { key: 's', name: 'S', role: 'head', unit: 'VP', hours: 1, next: ['e', 'a', 'b', 'f', 'c'] };
  const check = (s: CheckedStep) => checkProcess(steps(s), due).issue;

  it('orders next so that each option is a run, the options in the order of next', () => {
    // As typed, the server refuses both options (not runs of next).
    expect(check({ ...chooser, parallel_options: [['b', 'c'], ['e', 'f']] })?.code).toBe('optionOrder');
    const s = withOptions(chooser, [['c', 'b'], ['f', 'e']]);
    expect(s.next).toEqual(['e', 'f', 'a', 'b', 'c']);
    expect(s.parallel_options).toEqual([['e', 'f'], ['b', 'c']]);
    expect(check(s)).toBeNull();
    expect(optionIndexOf(s.parallel_options, 'c')).toBe(1);
  });

  it('keeps options disjoint: a key already taken is left out of a later option', () => {
    const s = withOptions(chooser, [['b', 'c'], ['c', 'e', 'f']]);
    expect(s.parallel_options).toEqual([['e', 'f'], ['b', 'c']]);
    expect(withOptions(chooser, [['b', 'c'], ['c', 'e']]).parallel_options).toEqual([['b', 'c']]);
  });

  it('adds an option of the last two free steps, and none when fewer than two are free', () => {
    const one = withParallelOption(chooser, ['b', 'c']);
    expect(freeKeys(one)).toEqual(['e', 'a', 'f']);
    const two = addOption(one);
    expect(two.parallel_options).toEqual([['a', 'f'], ['b', 'c']]);
    expect(two.next).toEqual(['e', 'a', 'f', 'b', 'c']);
    expect(check(two)).toBeNull();
    expect(freeKeys(two)).toEqual(['e']);
    expect(addOption(two)).toBe(two);
  });

  it('moves a step between options and drops an option left with one step', () => {
    const two = withOptions(chooser, [['b', 'c'], ['e', 'f']]);
    expect(two.next).toEqual(['e', 'f', 'a', 'b', 'c']);
    // a joins the option of e and f.
    const three = setOptionKey(two, 0, 'a', true);
    expect(three.parallel_options).toEqual([['e', 'f', 'a'], ['b', 'c']]);
    expect(check(three)).toBeNull();
    // b taken into the first option leaves c alone: that option is gone.
    const moved = setOptionKey(three, 0, 'b', true);
    expect(moved.parallel_options).toEqual([['e', 'f', 'a', 'b']]);
    expect(check(moved)).toBeNull();
    expect(setOptionKey(three, 0, 'a', false).parallel_options).toEqual([['e', 'f'], ['b', 'c']]);
  });

  it('removes one option and keeps the others', () => {
    const two = withOptions(chooser, [['b', 'c'], ['e', 'f']]);
    const left = removeOption(two, 0);
    expect(left.parallel_options).toEqual([['b', 'c']]);
    expect(left.next).toEqual(two.next);
    expect(check(left)).toBeNull();
    expect(removeOption(left, 0).parallel_options).toEqual([]);
  });

  it('prunes every option when next loses a step', () => {
    const two = withOptions(chooser, [['b', 'c'], ['e', 'f', 'a']]);
    const pruned = pruneOptions({ ...two, next: two.next.filter((k) => k !== 'f') });
    expect(pruned.parallel_options).toEqual([['e', 'a'], ['b', 'c']]);
    expect(pruneOptions({ ...two, next: two.next.filter((k) => k !== 'c') }).parallel_options).toEqual([['e', 'a', 'f']]);
  });
});
