// Who is logged in, shared by every page. The session cookie is HttpOnly, so
// the page cannot see it: a flag in localStorage says a session may exist,
// and only then is GET /api/session asked (an anonymous visitor causes no
// 401 in the console).
import { reactive, readonly } from 'vue';
import * as api from '@/api';
import type { User } from '@/api';

const HINT_KEY = 'motcua.signedIn';

interface SessionState {
  user: User | null;
  checked: boolean;
}

const state = reactive<SessionState>({ user: null, checked: false });
let checking: Promise<void> | null = null;

function setHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    /* storage disabled */
  }
}

function hasHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

function forget(): void {
  state.user = null;
  api.setCsrfToken(null);
  setHint(false);
}

/** Ask the server who we are; true when a session exists. */
async function refresh(): Promise<boolean> {
  try {
    const info = await api.currentSession();
    state.user = info.user;
    if (info.csrf_token) api.setCsrfToken(info.csrf_token);
    setHint(true);
    return true;
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 401) forget();
    return false;
  } finally {
    state.checked = true;
  }
}

api.onCsrfRejected(refresh);

export const session = {
  state: readonly(state),

  /** Resolve the session once per page load (cheap afterwards). */
  ensureChecked(): Promise<void> {
    if (state.checked) return Promise.resolve();
    if (!hasHint()) {
      state.checked = true;
      return Promise.resolve();
    }
    checking ??= refresh().then(() => undefined);
    return checking;
  },

  async login(username: string, password: string): Promise<User> {
    const info = await api.login(username, password);
    api.setCsrfToken(info.csrf_token);
    state.user = info.user;
    state.checked = true;
    setHint(true);
    return info.user;
  },

  async logout(): Promise<void> {
    try {
      await api.logout();
    } catch (e) {
      // Already gone on the server: logged out either way.
      if (!(e instanceof api.ApiError && e.status === 401)) throw e;
    } finally {
      forget();
    }
  },
};
