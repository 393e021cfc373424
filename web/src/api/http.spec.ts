import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, onCsrfRejected, request, setCsrfToken } from './http';

type FetchArgs = [string, RequestInit];

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('request', () => {
  const fetchMock = vi.fn<(...args: FetchArgs) => Promise<Response>>();

  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken(null);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('decodes JSON on success', async () => {
    fetchMock.mockResolvedValueOnce(json(200, [{ code: 'TCPCP' }]));
    await expect(request('GET', '/api/domains')).resolves.toEqual([{ code: 'TCPCP' }]);
  });

  it('turns a problem+json body into an ApiError', async () => {
    fetchMock.mockResolvedValueOnce(
      json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'enotfound' }, 'application/problem+json'),
    );
    const error = await request('GET', '/api/procedures/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).problem?.code).toBe('enotfound');
  });

  it('reports a network failure as such', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = (await request('GET', '/api/domains').catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('network');
  });

  it('sends the CSRF token on writes only, and keeps it in sessionStorage', async () => {
    setCsrfToken('tok-1');
    expect(sessionStorage.getItem('motcua.csrf')).toBe('tok-1');
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await request('DELETE', '/api/session');
    await request('GET', '/api/session');
    const [, writeInit] = fetchMock.mock.calls[0]!;
    const [, readInit] = fetchMock.mock.calls[1]!;
    expect((writeInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok-1');
    expect((readInit.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('re-fetches the session and retries once after a CSRF rejection', async () => {
    setCsrfToken('stale');
    onCsrfRejected(async () => {
      setCsrfToken('fresh');
      return true;
    });
    fetchMock
      .mockResolvedValueOnce(
        json(403, { status: 403, code: 'eperm', errors: [{ field: 'X-CSRF-Token', message: 'wrong' }] }),
      )
      .mockResolvedValueOnce(json(200, { ok: true }));
    await expect(request('POST', '/api/thing', { body: {} })).resolves.toEqual({ ok: true });
    const [, retryInit] = fetchMock.mock.calls[1]!;
    expect((retryInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('fresh');
  });

  it('reads Retry-After on 429', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ status: 429 }), { status: 429, headers: { 'Retry-After': '60' } }),
    );
    const error = (await request('POST', '/api/session', { body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfter).toBe(60);
  });
});
