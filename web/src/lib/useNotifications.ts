// The caller's in-app notifications, shared by the bell in the office
// header and the notifications page: one list, refreshed every minute and on
// each page change while someone is logged in to the back office.
import { computed, reactive } from 'vue';
import { getNotifications, markAllNotificationsRead, markNotificationRead, type AppNotification } from '@/api';

export const POLL_MS = 60_000;

const state = reactive<{ items: AppNotification[]; loaded: boolean; error: unknown; owner: string | null }>({
  items: [],
  loaded: false,
  error: null,
  owner: null,
});
let inFlight: Promise<void> | null = null;
let inFlightOwner: string | null = null;

/**
 * Fetch the list (one request at a time; a call during one waits for it).
 * `owner` is who is logged in: another person's list is dropped at once.
 */
export function refreshNotifications(owner: string | null = state.owner): Promise<void> {
  if (owner !== state.owner) clearNotifications();
  state.owner = owner;
  if (inFlight && inFlightOwner === owner) return inFlight;
  inFlightOwner = owner;
  const run: Promise<void> = getNotifications(false)
    .then((items) => {
      if (state.owner !== owner) return;
      state.items = items;
      state.loaded = true;
      state.error = null;
    })
    .catch((e: unknown) => {
      state.error = e;
    })
    .finally(() => {
      if (inFlight === run) inFlight = null;
    });
  inFlight = run;
  return run;
}

export async function markRead(n: AppNotification): Promise<void> {
  if (n.read) return;
  await markNotificationRead(n.id);
  state.items = state.items.map((x) => (x.id === n.id ? { ...x, read: true } : x));
}

export async function markAllRead(): Promise<void> {
  await markAllNotificationsRead();
  state.items = state.items.map((x) => ({ ...x, read: true }));
}

/** Forget the list (at logout). */
export function clearNotifications(): void {
  state.items = [];
  state.loaded = false;
  state.error = null;
  state.owner = null;
}

/** The number the bell shows: unread ones, "99+" above 99. */
export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

export function useNotifications() {
  return {
    state,
    unread: computed(() => state.items.filter((n) => !n.read).length),
  };
}
