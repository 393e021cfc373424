import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ProcessStep } from '@/api';
import { createAppI18n } from '@/i18n';
import { checkProcess } from '@/lib/processCheck';
import { draftFrom, type StepDraft } from '@/lib/processDraft';
import StepEditor from './StepEditor.vue';

function step(key: string, next: string[], extra: Partial<ProcessStep> = {}): ProcessStep {
  return { key, name: `Bước ${key}`, role: 'specialist', unit: 'TCBC', hours: 4, forms: [], outputs: [], may_return: false, requires_signature: false, next, ...extra };
}

// s chooses between a and two parallel options, {b, c} and {e, f}; all meet at d.
function drafts(options: string[][]): StepDraft[] {
  return draftFrom([
    step('s', ['a', 'b', 'c', 'e', 'f'], { role: 'head', parallel_options: options } as Partial<ProcessStep>),
    ...['a', 'b', 'c', 'e', 'f'].map((k) => step(k, ['d'])),
    step('d', []),
  ]);
}

function render(steps: StepDraft[]) {
  return mount(StepEditor, {
    props: { step: steps[0]!, index: 0, steps, units: [], invalid: null, describedBy: 'check-issue' },
    global: { plugins: [createAppI18n('vi')] },
  });
}

/** The last change the editor emitted, applied to the step. */
function changed(w: ReturnType<typeof render>, s: StepDraft): StepDraft {
  const events = w.emitted('change') ?? [];
  expect(events.length).toBeGreaterThan(0);
  return { ...s, ...(events[events.length - 1]![0] as Partial<StepDraft>) };
}

const due = { amount: 5, unit: 'working_days' as const };

describe('StepEditor: several parallel options', () => {
  it('shows each option with its steps, a step of another option named and locked', () => {
    const w = render(drafts([['b', 'c'], ['e', 'f']]));
    expect((w.find('[data-testid="split-option-0"]').element as HTMLInputElement).checked).toBe(true);
    const first = w.find('[data-testid="option-0-0"]');
    const second = w.find('[data-testid="option-0-1"]');
    expect(first.find('legend').text()).toBe('Lựa chọn song song 1');
    expect(second.find('legend').text()).toBe('Lựa chọn song song 2');
    const boxes = first.findAll('input[type="checkbox"]').map((b) => b.element as HTMLInputElement);
    // next: a, b, c, e, f — b and c checked (and locked: two is the least), e and f in option 2.
    expect(boxes.map((b) => b.checked)).toEqual([false, true, true, false, false]);
    expect(boxes.map((b) => b.disabled)).toEqual([false, true, true, true, true]);
    expect(first.text()).toContain('(thuộc lựa chọn 2)');
    // Only a is free: no third option can be added.
    expect(w.find('[data-testid="add-option-0"]').exists()).toBe(false);
  });

  it('adds a second option that the check accepts', async () => {
    const steps = drafts([['a', 'b']]);
    const w = render(steps);
    await w.find('[data-testid="add-option-0"]').trigger('click');
    const s = changed(w, steps[0]!);
    expect(s.parallel_options).toEqual([['a', 'b'], ['e', 'f']]);
    expect(checkProcess([s, ...steps.slice(1)], due).issue).toBeNull();
  });

  it('adds a step to an option and removes an option', async () => {
    const steps = drafts([['b', 'c'], ['e', 'f']]);
    const w = render(steps);
    await w.find('[data-testid="option-0-0"]').findAll('input[type="checkbox"]')[0]!.setValue(true);
    expect(changed(w, steps[0]!).parallel_options).toEqual([['a', 'b', 'c'], ['e', 'f']]);
    await w.find('[data-testid="remove-option-0-0"]').trigger('click');
    const s = changed(w, steps[0]!);
    expect(s.parallel_options).toEqual([['e', 'f']]);
    expect(checkProcess([s, ...steps.slice(1)], due).issue).toBeNull();
  });
});
