import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ProcessStep } from '@/api';
import { createAppI18n } from '@/i18n';
import { checkProcess } from '@/lib/processCheck';
import { draftFrom } from '@/lib/processDraft';
import CheckPanel from './CheckPanel.vue';

function step(key: string, hours: number, next: string[]): ProcessStep {
  return { key, name: `Bước ${key}`, role: 'specialist', unit: 'TCBC', hours, forms: [], outputs: [], may_return: false, requires_signature: false, next };
}

function render(hours: number) {
  const steps = draftFrom([step('a', 4, ['b']), step('b', hours, [])]);
  const limit = { amount: 2, unit: 'working_days' as const };
  return mount(CheckPanel, {
    props: { result: checkProcess(steps, limit), steps, limit, issueId: 'check-issue' },
    global: { plugins: [createAppI18n('vi')] },
  });
}

describe('CheckPanel', () => {
  it('says a process within the limit is valid and shows its path and total', () => {
    const w = render(12);
    expect(w.find('[data-testid="check-ok"]').text()).toBe('Quy trình hợp lệ, có thể lưu dự thảo.');
    expect(w.find('[data-testid="check-path"]').text()).toBe('1.\u00a0a → 2.\u00a0b');
    expect(w.find('[data-testid="total-hours"]').text()).toBe('16 giờ làm việc (2 ngày)');
    expect(w.find('[data-testid="check-issue"]').exists()).toBe(false);
  });

  it('refuses an over-limit total with the path and both totals, still showing them', () => {
    const w = render(12.5);
    const issue = w.find('[data-testid="check-issue"]');
    expect(issue.attributes('id')).toBe('check-issue');
    expect(issue.text()).toContain('đường xử lý dài nhất a → b mất 16,5 giờ làm việc, vượt thời hạn theo quy định 2 ngày làm việc (16 giờ làm việc)');
    expect(w.find('[data-testid="verdict"]').text()).toContain('Vượt thời hạn quy định 0,5 giờ làm việc');
  });
});
