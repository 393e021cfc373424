// How the interface names a person of the handover log or a case: the
// system actor that opens recurring cases (kind "system", migration 0016)
// by its name in the reader's language, anyone else by full name.
import type { DossierRef } from '@/api';
import type { Translator } from './translate';

export function isSystemActor(p: DossierRef | null | undefined): boolean {
  return p?.kind === 'system';
}

/** The person's name as shown; '' for none. */
export function personName(p: DossierRef | null | undefined, tr: Translator): string {
  if (!p) return '';
  if (isSystemActor(p)) return tr.t('people.systemActor');
  return p.full_name ?? p.name ?? p.username ?? '';
}
