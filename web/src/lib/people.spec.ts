import { describe, expect, it } from 'vitest';
import en from '@/i18n/en.json';
import vi from '@/i18n/vi.json';
import { isSystemActor, personName } from './people';
import type { Translator } from './translate';

function translator(messages: Record<string, unknown>, locale: string): Translator {
  return {
    locale,
    t(key) {
      const found = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages);
      return typeof found === 'string' ? found : key;
    },
  };
}

describe('personName', () => {
  const system = { id: 1, username: 'system', full_name: 'Hệ thống (định kỳ)', kind: 'system' as const };
  const officer = { id: 2, username: 'cv1', full_name: 'Nguyễn Văn A', kind: 'person' as const };

  it('names the system actor in the reader\'s language, by its kind', () => {
    expect(personName(system, translator(vi, 'vi'))).toBe('Hệ thống (định kỳ)');
    expect(personName(system, translator(en, 'en'))).toBe('System (recurring)');
    // A person whose username is "system" but who is no system actor keeps the name.
    expect(personName({ ...officer, username: 'system' }, translator(en, 'en'))).toBe('Nguyễn Văn A');
    expect(isSystemActor(system)).toBe(true);
    expect(isSystemActor(officer)).toBe(false);
  });

  it('falls back from full name to name to username, and to nothing', () => {
    const ten = translator(en, 'en');
    expect(personName(officer, ten)).toBe('Nguyễn Văn A');
    expect(personName({ name: 'Văn phòng' }, ten)).toBe('Văn phòng');
    expect(personName({ username: 'cv2' }, ten)).toBe('cv2');
    expect(personName(null, ten)).toBe('');
  });
});
