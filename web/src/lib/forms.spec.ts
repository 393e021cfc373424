import { describe, expect, it } from 'vitest';
import { publicForms, staffFormUrl, staffForms } from './forms';

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
