// The agency's name for the header, footer and titles: from GET /api/agency,
// which App.vue loads once at start-up. Until it answers, or if it fails, the
// short i18n fallback ("Sở Nội vụ") is shown; a failed load is not retried
// before the next page load.
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
