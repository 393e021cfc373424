import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { DossierReschedule } from '@/api';
import { createAppI18n } from '@/i18n';
import DossierReschedules from './DossierReschedules.vue';

const edit: DossierReschedule = {
  change: 3,
  at: '2026-10-06T09:00:00+07:00',
  by: { id: 9, username: 'quantri', full_name: 'Trịnh Công Minh' },
  source: 'api',
  reason: 'agency_calendar',
  appointment: { from: '2026-10-26T08:00:00+07:00', to: '2026-10-27T08:00:00+07:00' },
  legal_due: { from: '2026-10-26T08:00:00+07:00', to: '2026-10-27T08:00:00+07:00' },
  transfer_by: null,
};
// A day off taken back by an import nobody was named for: the promise kept,
// the legal due time and the desk's transfer deadline earlier.
const imported: DossierReschedule = {
  ...edit,
  change: 4,
  by: null,
  source: 'import',
  appointment: { from: '2026-10-27T08:00:00+07:00', to: '2026-10-27T08:00:00+07:00' },
  legal_due: { from: '2026-10-27T08:00:00+07:00', to: '2026-10-26T08:00:00+07:00' },
  transfer_by: { from: '2026-10-09T07:00:00+07:00', to: '2026-10-08T07:00:00+07:00' },
};

function rows(locale: 'vi' | 'en'): string[] {
  const w = mount(DossierReschedules, { props: { reschedules: [edit, imported] }, global: { plugins: [createAppI18n(locale)] } });
  // Each change as its author, then "term value" per date, one line each.
  return w.findAll('[data-testid="dossier-reschedule"]').map((li) =>
    [li.get('[data-testid="reschedule-by"]').text(), ...li.findAll('dl > div').map((d) => `${d.get('dt').text()} ${d.get('dd').text()}`)].join('\n'),
  );
}

describe('DossierReschedules', () => {
  it('says who changed the calendar and each date before and after, in Vietnamese', () => {
    const [first, second] = rows('vi');
    expect(first).toContain('Trịnh Công Minh thay đổi lịch cơ quan');
    expect(first).toContain('Ngày hẹn trả 26/10/2026, 08:00 → 27/10/2026, 08:00');
    expect(first).not.toContain('Hạn chuyển hồ sơ');
    expect(second).toContain('Lịch cơ quan được nhập từ tệp');
    expect(second).toContain('Ngày hẹn trả giữ nguyên (27/10/2026, 08:00)');
    expect(second).toContain('Hạn giải quyết 27/10/2026, 08:00 → 26/10/2026, 08:00');
    expect(second).toContain('Hạn chuyển hồ sơ 09/10/2026, 07:00 → 08/10/2026, 07:00');
  });
  it('speaks English from the English interface', () => {
    const [first, second] = rows('en');
    expect(first).toContain('Trịnh Công Minh changed the agency calendar');
    expect(second).toContain('The agency calendar was imported from a file');
    expect(second).toContain('Appointment unchanged (27/10/2026, 08:00)');
  });
  it('names the person of an import made with --by', () => {
    const w = mount(DossierReschedules, {
      props: { reschedules: [{ ...imported, by: { username: 'quantri', full_name: 'Trịnh Công Minh' } }] },
      global: { plugins: [createAppI18n('vi')] },
    });
    expect(w.get('[data-testid="reschedule-by"]').text()).toBe('Trịnh Công Minh nhập tệp lịch cơ quan');
  });
});
