import { describe, expect, it } from 'vitest';
import { abbreviationOk, normaliseAbbreviation } from './agency';

describe('agency abbreviation', () => {
  it('accepts what NĐ 30/2020 prints in a ký hiệu, as the server does', () => {
    for (const ok of ['SNV', 'VPĐK', 'UBND-VX', 'S2', 'ABCDEFGHIJKLMNOPQRST']) expect(abbreviationOk(ok), ok).toBe(true);
    for (const bad of ['', 'snv', 'S NV', '-SNV', 'SNV-', 'S--NV', '2SNV', 'SNV/VP', 'SỞ', 'ABCDEFGHIJKLMNOPQRSTU']) {
      expect(abbreviationOk(bad), bad).toBe(false);
    }
  });

  it('upper-cases what is typed (đ too) and trims it', () => {
    expect(normaliseAbbreviation(' vpđk ')).toBe('VPĐK');
    expect(normaliseAbbreviation('snv-vp')).toBe('SNV-VP');
    expect(normaliseAbbreviation('   ')).toBe('');
  });
});
