import { request } from './http';
import type { SessionInfo, User } from './types';

interface SessionBody {
  csrf_token?: string | null;
  user?: User;
}

/** GET /api/session may answer `{user, csrf_token}` or the user alone. */
function toSession(body: SessionBody | User): SessionInfo {
  if ('user' in body && body.user) {
    return { csrf_token: body.csrf_token ?? null, user: body.user };
  }
  return { csrf_token: null, user: body as User };
}

export async function login(username: string, password: string): Promise<SessionInfo> {
  return toSession(await request<SessionBody>('POST', '/api/session', { body: { username, password } }));
}

export async function logout(): Promise<void> {
  await request<void>('DELETE', '/api/session');
}

export async function currentSession(): Promise<SessionInfo> {
  return toSession(await request<SessionBody | User>('GET', '/api/session'));
}
