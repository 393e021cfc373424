import { describe, expect, it } from 'vitest';
import { formUrlIn, publicForms, registerPdfUrl, staffFormUrl, staffForms } from './forms';

describe('staffForms', () => {
  it('offers the receipt and the control slip once received', () => {
    const f = staffForms('000.00.99.H99-261012-0001', '2026-10-12T08:00:00+07:00', ['receive', 'transfer']);
    expect(f.map((x) => x.slug)).toEqual(['mau-01', 'mau-05']);
    expect(f[0]?.url).toBe('/api/dossiers/000.00.99.H99-261012-0001/forms/mau-01');
  });
  it('adds the supplement request, the refusal and the apology from the log', () => {
    const actions = ['accept', 'request_supplement', 'apologize', 'refuse'];
    expect(staffForms('X', '2026-10-12T08:00:00+07:00', actions).map((x) => x.slug)).toEqual([
      'mau-01',
      'mau-02',
      'mau-03',
      'mau-04',
      'mau-05',
    ]);
  });
  it('offers only the refusal for a dossier refused at the counter', () => {
    expect(staffForms('HS1', null, ['refuse_receipt']).map((x) => x.slug)).toEqual(['mau-03']);
  });
  it('offers nothing for an online submission not yet accepted', () => {
    expect(staffForms('HS1', null, ['submit_online'])).toEqual([]);
  });
  it('encodes the code in the address', () => {
    expect(staffFormUrl('a/b c', 'mau-05')).toBe('/api/dossiers/a%2Fb%20c/forms/mau-05');
  });
});

describe('publicForms', () => {
  it('follows the lookup: receipt, open supplement, refusal, apology', () => {
    const slugs = (status: number, received?: string, apology?: number): string[] =>
      publicForms('C', '0900 111', { status, received_at: received, apology }).map((x) => x.slug);
    expect(slugs(1)).toEqual([]);
    expect(slugs(4, '2026-10-12T08:00:00+07:00')).toEqual(['mau-01']);
    expect(slugs(5, '2026-10-12T08:00:00+07:00', 1)).toEqual(['mau-01', 'mau-02', 'mau-04']);
    expect(slugs(3)).toEqual(['mau-03']);
    expect(slugs(8, '2026-10-12T08:00:00+07:00')).toEqual(['mau-01', 'mau-03']);
  });
  it('carries the phone as the second factor', () => {
    expect(publicForms('C', '0900 111', { status: 4, received_at: 'x' })[0]?.url).toBe(
      '/api/public/dossiers/C/forms/mau-01?phone=0900%20111',
    );
  });
});

describe('registerPdfUrl', () => {
  it('spans whole months, February of a leap year included', () => {
    expect(registerPdfUrl('2026-06', '2026-11')).toBe('/api/register?from=2026-06-01&to=2026-11-30&format=pdf');
    expect(registerPdfUrl('2028-01', '2028-02')).toBe('/api/register?from=2028-01-01&to=2028-02-29&format=pdf');
    expect(registerPdfUrl('2026-12', '2026-12')).toBe('/api/register?from=2026-12-01&to=2026-12-31&format=pdf');
  });
});

describe('formUrlIn', () => {
  it('adds lang=en for the English interface and nothing for Vietnamese', () => {
    expect(formUrlIn('/api/dossiers/C/forms/mau-01', 'en')).toBe('/api/dossiers/C/forms/mau-01?lang=en');
    expect(formUrlIn('/api/public/dossiers/C/forms/mau-01?phone=0900', 'en')).toBe(
      '/api/public/dossiers/C/forms/mau-01?phone=0900&lang=en',
    );
    expect(formUrlIn('/api/dossiers/C/forms/mau-01', 'vi')).toBe('/api/dossiers/C/forms/mau-01');
  });
  it('prints the register in the interface language', () => {
    expect(registerPdfUrl('2026-10', '2026-11', 'en')).toBe('/api/register?from=2026-10-01&to=2026-11-30&format=pdf&lang=en');
    expect(registerPdfUrl('2026-10', '2026-11')).toBe('/api/register?from=2026-10-01&to=2026-11-30&format=pdf');
  });
});
