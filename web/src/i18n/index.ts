import { createI18n } from 'vue-i18n';
import en from './en.json';
import vi from './vi.json';

export type MessageSchema = typeof vi;
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'motcua.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Vietnamese unless the user chose English before (localStorage). */
export function storedLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : 'vi';
  } catch {
    return 'vi';
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* storage disabled: the choice lasts for this page only */
  }
}

export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'vi',
    messages: { vi, en },
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
