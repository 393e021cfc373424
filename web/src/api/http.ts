// The one door to the server: JSON in and out, problem+json errors turned
// into ApiError, the CSRF token sent on every state-changing request.
import type { Problem } from './types';

export type ApiErrorKind = 'http' | 'network' | 'format';

/** A failed API call. `problem` is the server's RFC 9457 body when it sent one. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly problem: Problem | null;
  /** Seconds from a Retry-After header (429, 503), if any. */
  readonly retryAfter: number | null;

  constructor(kind: ApiErrorKind, status: number, problem: Problem | null, retryAfter: number | null = null) {
    super(problem?.detail ?? `${kind} error ${status}`);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** A 403 caused by a missing or stale X-CSRF-Token header. */
  get isCsrf(): boolean {
    return this.status === 403 && (this.problem?.errors ?? []).some((e) => e.field === 'X-CSRF-Token');
  }
}

const CSRF_STORAGE_KEY = 'motcua.csrf';

let csrfToken: string | null = readStoredCsrf();

function readStoredCsrf(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(CSRF_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Keep the token in memory and in sessionStorage, so a reload keeps it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) sessionStorage.setItem(CSRF_STORAGE_KEY, token);
    else sessionStorage.removeItem(CSRF_STORAGE_KEY);
  } catch {
    /* storage disabled: memory only */
  }
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when a request fails for CSRF: re-fetch the session (set by the session module). */
let csrfRefresher: (() => Promise<boolean>) | null = null;
export function onCsrfRejected(refresh: () => Promise<boolean>): void {
  csrfRefresher = refresh;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number';
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('network', 0, null);
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  try {
    const body: unknown = await response.json();
    if (isProblem(body)) problem = body;
  } catch {
    /* not JSON (a proxy's error page): status alone */
  }
  return new ApiError('http', response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
}

/** Perform one API call and decode its JSON body (undefined for 204). */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (!response.ok) {
    let error = await errorOf(response);
    if (error.isCsrf && csrfRefresher && (await csrfRefresher())) {
      response = await send(method, path, options);
      if (!response.ok) error = await errorOf(response);
    }
    if (!response.ok) throw error;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError('format', response.status, null);
  }
}

/** A GET whose answer is text (e.g. BPMN XML); errors as for request(). */
export async function requestText(path: string, options: RequestOptions = {}): Promise<string> {
  const response = await send('GET', path, options);
  if (!response.ok) throw await errorOf(response);
  return response.text();
}

/** "?q=a&level=tinh" from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
