import { describe, expect, it } from 'vitest';
import en from './en.json';
import vi from './vi.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
}

describe('message files', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(vi as Tree).sort());
  });

  it('are NFC and never empty', () => {
    for (const text of [...values(vi as Tree), ...values(en as Tree)]) {
      expect(text.normalize('NFC')).toBe(text);
      expect(text.trim()).not.toBe('');
    }
  });

  it('write Vietnamese with its diacritics', () => {
    expect(vi.portal.title).toBe('Tra cứu thủ tục hành chính');
    expect(vi.online.toan_trinh).toBe('Toàn trình');
    expect(vi.online.mot_phan).toBe('Một phần');
  });
});
