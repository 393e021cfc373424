import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/api', () => ({
  getNotifications: vi.fn(async () => [
    { id: 2, kind: 'escalation', message: 'b', dossier: 'X', created_at: null, read: false },
    { id: 1, kind: 'handover', message: 'a', dossier: 'Y', created_at: null, read: true },
  ]),
  markNotificationRead: vi.fn(async () => undefined),
  markAllNotificationsRead: vi.fn(async () => ({ marked: 1 })),
}));

import * as api from '@/api';
import { badgeText, clearNotifications, markAllRead, markRead, refreshNotifications, useNotifications } from './useNotifications';

afterEach(() => clearNotifications());

describe('notifications', () => {
  it('counts the unread ones and marks one read', async () => {
    const { state, unread } = useNotifications();
    await refreshNotifications('a');
    expect(unread.value).toBe(1);
    await markRead(state.items[0]!);
    expect(api.markNotificationRead).toHaveBeenCalledWith(2);
    expect(unread.value).toBe(0);
  });

  it('marks all read', async () => {
    const { unread } = useNotifications();
    await refreshNotifications('a');
    await markAllRead();
    expect(unread.value).toBe(0);
  });

  it("drops another person's list at once", async () => {
    const { state } = useNotifications();
    await refreshNotifications('a');
    expect(state.items.length).toBe(2);
    const next = refreshNotifications('b');
    expect(state.items.length).toBe(0);
    await next;
  });

  it('caps the badge', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
