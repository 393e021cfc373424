import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ProcessStep } from '@/api';
import { createAppI18n } from '@/i18n';
import ProcessTimeline from './ProcessTimeline.vue';

function step(key: string, hours: number, next: string[], extra: Partial<ProcessStep> = {}): ProcessStep {
  return {
    key,
    name: `Bước ${key}`,
    role: 'specialist',
    unit: 'TCBC',
    hours,
    forms: [],
    outputs: [],
    may_return: false,
    requires_signature: false,
    next,
    ...extra,
  };
}

const steps: ProcessStep[] = [
  step('tiep_nhan', 4, ['tham_dinh'], { role: 'reception', unit: 'MC', unit_name: 'Bộ phận Một cửa', forms: ['Mẫu 01'] }),
  step('tham_dinh', 16, ['lay_y_kien', 'phe_duyet'], { may_return: true }),
  step('lay_y_kien', 8, ['phe_duyet']),
  step('phe_duyet', 4, [], { role: 'director', unit: 'BGD', requires_signature: true }),
];

function render(limitDays: number, locale: 'vi' | 'en' = 'vi') {
  return mount(ProcessTimeline, {
    props: { steps, limit: { amount: limitDays, unit: 'working_days' } },
    global: { plugins: [createAppI18n(locale)] },
  });
}

describe('ProcessTimeline', () => {
  it('lists every step in order with who holds it and its allotment', () => {
    const wrapper = render(5);
    const items = wrapper.findAll('[data-testid="process-steps"] > li');
    expect(items).toHaveLength(4);
    expect(items[0]!.text()).toContain('Cán bộ một cửa, Bộ phận Một cửa');
    expect(items[0]!.text()).toContain('4 giờ làm việc (0,5 ngày)');
    expect(items[1]!.text()).toContain('16 giờ làm việc (2 ngày)');
    expect(items[3]!.text()).toContain('Giám đốc, BGD');
    expect(items[3]!.text()).toContain('Ký số');
  });

  it('totals the longest path against the legal limit', () => {
    const wrapper = render(5);
    expect(wrapper.get('[data-testid="total-hours"]').text()).toBe('32 giờ làm việc (4 ngày)');
    expect(wrapper.get('[data-testid="legal-limit"]').text()).toContain('5 ngày làm việc');
    expect(wrapper.get('[data-testid="verdict"]').text()).toBe(
      'Trong thời hạn quy định, rút ngắn 8 giờ làm việc (1 ngày)',
    );
  });

  it('warns when the process exceeds the limit', () => {
    const wrapper = render(3);
    expect(wrapper.get('[data-testid="process-totals"]').classes()).toContain('over');
    expect(wrapper.get('[data-testid="verdict"]').text()).toContain('Vượt thời hạn quy định 8 giờ làm việc');
  });

  it('marks the branch choice and speaks English', () => {
    const wrapper = render(5, 'en');
    const second = wrapper.findAll('[data-testid="process-steps"] > li')[1]!;
    expect(second.text()).toContain('Then: Step 3, Step 4');
    expect(second.text()).toContain('May return to the previous step');
  });
});
