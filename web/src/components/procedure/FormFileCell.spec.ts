import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { DossierComponent } from '@/api';
import { createAppI18n } from '@/i18n';

const removeFormFile = vi.fn(async () => undefined);
vi.mock('@/api', () => ({
  attachFormFile: vi.fn(),
  removeFormFile: (...args: unknown[]) => removeFormFile(...(args as [])),
  uploadFile: vi.fn(),
}));

const { default: FormFileCell } = await import('./FormFileCell.vue');

const withFile: DossierComponent = {
  name: 'Đơn đề nghị',
  original: 1,
  certified_copy: null,
  copy: null,
  form: 'Mẫu số 01',
  required: true,
  order: 2,
  form_file: { id: 7, name: 'Mẫu số 01.docx', size: 2048, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', url: '/api/procedures/1.003950/forms/7' },
};

function render(component: DossierComponent, admin: boolean, locale: 'vi' | 'en' = 'vi') {
  return mount(FormFileCell, {
    props: { component, procedureCode: '1.003950', caseCode: 'C1', admin, inputId: 'f-2' },
    global: { plugins: [createAppI18n(locale)] },
  });
}

describe('FormFileCell', () => {
  it('offers the download with name, type and size, and no controls to a visitor', () => {
    const w = render(withFile, false);
    const link = w.get('[data-testid="form-download"]');
    expect(link.attributes('href')).toBe('/api/procedures/1.003950/forms/7');
    expect(link.text()).toContain('Tải mẫu');
    expect(w.get('[data-testid="form-file"]').text()).toContain('Mẫu số 01.docx · DOCX · 2 KB');
    expect(w.find('[data-testid="form-admin"]').exists()).toBe(false);
  });

  it('shows only the form name when no file is attached', () => {
    const w = render({ ...withFile, form_file: null }, false, 'en');
    expect(w.text()).toBe('Mẫu số 01');
  });

  it('lets an administrator replace or remove the file', async () => {
    const w = render(withFile, true, 'en');
    expect(w.get('[data-testid="form-admin"]').text()).toContain('Replace form file');
    await w.get('[data-testid="form-remove"]').trigger('click');
    await flushPromises();
    expect(removeFormFile).toHaveBeenCalledWith('1.003950', 'C1', 2);
    expect(w.find('[data-testid="form-file"]').exists()).toBe(false);
    expect(w.get('[data-testid="form-admin"]').text()).toContain('Attach blank form');
  });
});
