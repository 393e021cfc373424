import { describe, expect, it } from 'vitest';
import type { ProcessStep } from '@/api/types';
import { draftFrom, insertStep, linesOf, moveStep, removeStep, renameKey, toStepsIn } from './processDraft';

function step(key: string, next: string[]): ProcessStep {
  return { key, name: key, role: 'specialist', unit: 'TCBC', hours: 4, forms: [], outputs: [], may_return: false, requires_signature: false, next };
}

const chain = () => draftFrom([step('a', ['b']), step('b', ['c']), step('c', [])]);

const choice = () =>
  draftFrom([
    { ...step('s', ['t', 'b', 'c']), parallel_options: [['b', 'c']] },
    step('t', ['d']),
    step('b', ['d']),
    step('c', ['d']),
    step('d', []),
  ]);

describe('process draft edits of a parallel option', () => {
  it('keeps the option through a rename and sends it in the body', () => {
    const out = renameKey(choice(), 2, 'y_kien_b');
    expect(out[0]!.next).toEqual(['t', 'y_kien_b', 'c']);
    expect(out[0]!.parallel_options).toEqual([['y_kien_b', 'c']]);
    expect(toStepsIn(out)[0]!.parallel_options).toEqual([['y_kien_b', 'c']]);
    expect(toStepsIn(out)[1]!.parallel_options).toBeUndefined();
  });

  it('drops an option left with one step when a step is removed', () => {
    const out = removeStep(choice(), 3);
    expect(out[0]!.next).toEqual(['t', 'b', 'd']);
    expect(out[0]!.parallel_options).toEqual([]);
  });
});

describe('process draft edits', () => {
  it('inserts a step into the chain after the given one', () => {
    const out = insertStep(chain(), 0, { role: 'head', unit: 'TCBC' });
    expect(out.map((s) => s.key)).toEqual(['a', 'buoc_4', 'b', 'c']);
    expect(out[0]!.next).toEqual(['buoc_4']);
    expect(out[1]!.next).toEqual(['b']);
    expect(out[1]!.role).toBe('head');
  });

  it('removes a step and reconnects what led to it', () => {
    const out = removeStep(chain(), 1);
    expect(out.map((s) => [s.key, s.next])).toEqual([
      ['a', ['c']],
      ['c', []],
    ]);
  });

  it('renames a key everywhere it is named', () => {
    const out = renameKey(chain(), 1, 'tham_dinh');
    expect(out[1]!.key).toBe('tham_dinh');
    expect(out[0]!.next).toEqual(['tham_dinh']);
  });

  it('moves steps without touching the graph, and not past the ends', () => {
    const steps = chain();
    expect(moveStep(steps, 2, -1).map((s) => s.key)).toEqual(['a', 'c', 'b']);
    expect(moveStep(steps, 0, -1)).toBe(steps);
  });

  it('writes the request body, lists from lines', () => {
    const steps = chain();
    steps[0]!.forms = linesOf(' Mẫu 01 \n\nMẫu 02\n');
    steps[0]!.name = '  Tiếp nhận ';
    const body = toStepsIn(steps);
    expect(body[0]!).toMatchObject({ key: 'a', name: 'Tiếp nhận', forms: ['Mẫu 01', 'Mẫu 02'], next: ['b'] });
    expect(body[0]!).not.toHaveProperty('uid');
  });
});
