// Server errors of people management as sentences: the conflicts the API
// documents get their own words, the rest the usual ones.
import { ApiError } from '@/api/http';
import { describeError } from './problemMessage';
import type { Translator } from './translate';

export function describePersonError(error: unknown, tr: Translator, username: string, creating: boolean): string {
  if (error instanceof ApiError && error.status === 409) {
    return tr.t(creating ? 'person.usernameTaken' : 'person.cannotDisableSelf', { username });
  }
  if (error instanceof ApiError && error.status === 404) return tr.t('person.notFound', { username });
  return describeError(error, tr, 'write');
}
