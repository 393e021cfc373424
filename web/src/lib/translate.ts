import { useI18n } from 'vue-i18n';

/** The slice of vue-i18n the formatting helpers need; easy to fake in tests. */
export interface Translator {
  t(key: string, named?: Record<string, unknown>, plural?: number): string;
  locale: string;
}

/** A Translator over the global i18n instance, for use in components. */
export function useTranslator(): Translator {
  const { t, locale } = useI18n({ useScope: 'global' });
  return {
    t: (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    get locale() {
      return locale.value;
    },
  };
}
