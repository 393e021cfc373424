// The agency's name for the header and titles: from GET /api/agency (the
// server has the route; App.vue does not call loadAgency() at start yet, so
// the header keeps the short i18n fallback, "Sở Nội vụ").
import { computed, ref } from 'vue';
import { getAgency, type Agency } from '@/api';
import { useI18n } from 'vue-i18n';

const agency = ref<Agency | null>(null);
let loading: Promise<void> | null = null;

export function loadAgency(): Promise<void> {
  loading ??= getAgency()
    .then((a) => {
      agency.value = a;
    })
    .catch(() => {
      agency.value = null; // the fallback name is shown
    });
  return loading;
}

export function useAgencyName() {
  const { t, locale } = useI18n({ useScope: 'global' });
  return computed(() => {
    const a = agency.value;
    if (!a) return t('app.agencyFallback');
    return locale.value === 'en' && a.name_en ? a.name_en : a.name;
  });
}
