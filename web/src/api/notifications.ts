// In-app notifications (docs/openapi.yaml /api/notifications).
import type { Instant } from './dossier';
import { queryString, request } from './http';

export interface AppNotification {
  id: number;
  kind: 'handover' | 'escalation' | 'consult_lapsed' | string;
  message: string;
  /** The dossier's code (or online reference), if any. */
  dossier: string | null;
  created_at: Instant;
  read: boolean;
}

export function getNotifications(unreadOnly = false, signal?: AbortSignal): Promise<AppNotification[]> {
  return request<AppNotification[]>('GET', `/api/notifications${queryString({ unread: unreadOnly ? 'true' : undefined })}`, { signal });
}

export function markNotificationRead(id: number): Promise<void> {
  return request<void>('POST', `/api/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<{ marked: number }> {
  return request<{ marked: number }>('POST', '/api/notifications/read-all');
}
