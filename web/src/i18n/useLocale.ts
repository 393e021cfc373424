import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isLocale, rememberLocale, type Locale } from './index';

/** The current language, and a switch that persists the choice and updates <html lang>. */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  const current = computed<Locale>(() => (isLocale(locale.value) ? locale.value : 'vi'));
  function setLocale(next: Locale): void {
    locale.value = next;
    rememberLocale(next);
    document.documentElement.lang = next;
  }
  return { locale: current, setLocale };
}
