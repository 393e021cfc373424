import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/i18n';
import FormLinks from './FormLinks.vue';

const links = [
  { slug: 'mau-01' as const, url: '/api/dossiers/C1/forms/mau-01' },
  { slug: 'mau-01' as const, url: '/api/public/dossiers/C1/forms/mau-01?phone=0900' },
];

function hrefs(locale: 'vi' | 'en'): { href: string; download?: string }[] {
  const w = mount(FormLinks, { props: { links: links.slice(0, 1) }, global: { plugins: [createAppI18n(locale)] } });
  return w.findAll('a').map((a) => ({ href: a.attributes('href') ?? '', download: a.attributes('download') }));
}

describe('FormLinks', () => {
  it('links the Vietnamese form, the legal document, from the Vietnamese interface', () => {
    const w = mount(FormLinks, { props: { links }, global: { plugins: [createAppI18n('vi')] } });
    expect(w.find('[data-testid="form-translation"]').exists()).toBe(false);
    expect(hrefs('vi')).toEqual([
      { href: '/api/dossiers/C1/forms/mau-01', download: undefined },
      { href: '/api/dossiers/C1/forms/mau-01', download: 'mau-01.pdf' },
    ]);
  });
  it('prints and downloads the English translation from the English interface', () => {
    expect(hrefs('en')).toEqual([
      { href: '/api/dossiers/C1/forms/mau-01?lang=en', download: undefined },
      { href: '/api/dossiers/C1/forms/mau-01?lang=en', download: 'mau-01_en.pdf' },
    ]);
    const w = mount(FormLinks, { props: { links: links.slice(1) }, global: { plugins: [createAppI18n('en')] } });
    expect(w.get('a').attributes('href')).toBe('/api/public/dossiers/C1/forms/mau-01?phone=0900&lang=en');
    expect(w.text()).toContain('Download PDF');
    expect(w.get('[data-testid="form-translation"]').text()).toContain('the Vietnamese form is the legal document');
  });
});
