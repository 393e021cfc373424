// Every failed call becomes one human sentence in the current language.
// The server's own `detail` is English and technical: it is never shown.
import { ApiError } from '@/api/http';
import type { Translator } from './translate';

/** What the user was doing: a few statuses mean something different there. */
export type ErrorContext = 'login' | 'read' | 'write';

function fieldLabel(field: string, tr: Translator): string {
  // "$.username" and "username" alike; the last path segment names the field.
  const path = field.replace(/^\$\.?/, '');
  const key = `field.${path.split('.').pop() ?? path}`;
  const label = tr.t(key);
  return label === key ? path : label;
}

function withReference(message: string, error: ApiError, tr: Translator): string {
  const id = error.problem?.request_id;
  return id ? `${message} ${tr.t('error.reference', { id })}` : message;
}

export function describeError(error: unknown, tr: Translator, context: ErrorContext = 'read'): string {
  if (!(error instanceof ApiError)) return tr.t('error.unknown');
  if (error.kind === 'network') return tr.t('error.network');
  if (error.kind === 'format') return tr.t('error.format');
  const fields = error.problem?.errors ?? [];
  switch (error.status) {
    case 400:
    case 422: {
      if (fields.length === 0) return tr.t('error.badRequest');
      return fields.map((f) => tr.t('error.field', { field: fieldLabel(f.field, tr) })).join(' ');
    }
    case 401:
      return context === 'login' ? tr.t('error.wrongCredentials') : tr.t('error.sessionExpired');
    case 403:
      return error.isCsrf ? tr.t('error.csrf') : tr.t('error.forbidden');
    case 404:
      return tr.t('error.notFound');
    case 405:
      return tr.t('error.methodNotAllowed');
    case 409:
      return tr.t('error.conflict');
    case 413:
      return tr.t('error.tooLarge');
    case 415:
      return tr.t('error.unsupported');
    case 429:
      if (context === 'login') return tr.t('error.tooManyLogin');
      return error.retryAfter !== null
        ? tr.t('error.tooManySeconds', { seconds: error.retryAfter })
        : tr.t('error.tooMany');
    case 502:
    case 503:
    case 504:
      return tr.t('error.unavailable');
    default:
      if (error.status >= 500) return withReference(tr.t('error.server'), error, tr);
      return tr.t('error.unknown');
  }
}
