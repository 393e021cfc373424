import { watchEffect } from 'vue';
import { useAgencyName } from '@/agency';

/** Keep document.title as "<what> – <agency>" while `what` returns text. */
export function usePageTitle(what: () => string | null): void {
  const agency = useAgencyName();
  watchEffect(() => {
    const title = what();
    if (title) document.title = `${title} – ${agency.value}`;
  });
}
