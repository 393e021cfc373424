import { createAppI18n, type Locale } from '@/i18n';
import type { Translator } from '@/lib/translate';

/** A Translator over the real message files, for logic tests. */
export function translatorFor(locale: Locale): Translator {
  const i18n = createAppI18n(locale);
  const t = i18n.global.t as (key: string, named: Record<string, unknown>, plural?: number) => string;
  return {
    t: (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural)),
    locale,
  };
}
