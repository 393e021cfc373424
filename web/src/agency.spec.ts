import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import type { Agency } from '@/api';
import { createAppI18n } from '@/i18n';

// getAgency is replaced per test; agency.ts keeps its state at module level,
// so every test imports a fresh copy.
const getAgency = vi.fn<() => Promise<Agency>>();
vi.mock('@/api', () => ({ getAgency: () => getAgency() }));

const agency = {
  code: '000.00.99.H99',
  name: 'Sở Nội vụ tỉnh Hưng Yên',
  name_en: 'Department of Home Affairs of Hưng Yên province',
  abbreviation: 'SNV',
} as Agency;

async function mountName(locale: 'vi' | 'en') {
  const mod = await import('./agency');
  const Name = defineComponent({
    setup() {
      const name = mod.useAgencyName();
      return () => h('span', name.value);
    },
  });
  return { mod, wrapper: mount(Name, { global: { plugins: [createAppI18n(locale)] } }) };
}

/** Let the mocked request settle and Vue re-render. */
async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await nextTick();
}

describe('the agency name in the header', () => {
  beforeEach(() => {
    vi.resetModules();
    getAgency.mockReset();
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows the short fallback while loading, then the agency’s own name', async () => {
    let answer!: (a: Agency) => void;
    getAgency.mockReturnValue(new Promise((r) => (answer = r)));
    const { mod, wrapper } = await mountName('vi');
    const loaded = mod.loadAgency();
    await settle();
    expect(wrapper.text()).toBe('Sở Nội vụ');
    answer(agency);
    await loaded;
    await nextTick();
    expect(wrapper.text()).toBe('Sở Nội vụ tỉnh Hưng Yên');
  });

  it('keeps the fallback when the request fails', async () => {
    getAgency.mockRejectedValue(new Error('network down'));
    const { mod, wrapper } = await mountName('vi');
    await mod.loadAgency();
    await nextTick();
    expect(wrapper.text()).toBe('Sở Nội vụ');
  });

  it('uses the English name and fallback in English', async () => {
    getAgency.mockRejectedValue(new Error('network down'));
    const failed = await mountName('en');
    await failed.mod.loadAgency();
    await nextTick();
    expect(failed.wrapper.text()).toBe('Department of Home Affairs');

    vi.resetModules();
    getAgency.mockResolvedValue(agency);
    const ok = await mountName('en');
    await ok.mod.loadAgency();
    await nextTick();
    expect(ok.wrapper.text()).toBe('Department of Home Affairs of Hưng Yên province');
  });

  it('asks the server once however often it is called', async () => {
    getAgency.mockResolvedValue(agency);
    const { mod } = await mountName('vi');
    await Promise.all([mod.loadAgency(), mod.loadAgency()]);
    await mod.loadAgency();
    expect(getAgency).toHaveBeenCalledTimes(1);
  });
});
