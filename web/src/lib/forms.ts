// Which printable forms (TT 01/2018 Mẫu 01–05, docs/FORMS.md) apply to a
// dossier, and their addresses. The server refuses a form that does not
// apply (409); these rules only decide which links to show, and mirror it.
// The forms print in the interface's language: Vietnamese (the legal
// document, the server's default) or the English courtesy translation.

export type FormSlug = 'mau-01' | 'mau-02' | 'mau-03' | 'mau-04' | 'mau-05';

export interface FormLink {
  slug: FormSlug;
  url: string;
}

const enc = encodeURIComponent;

/**
 * The address of a form in the interface's language: `lang=en` is added for
 * English; Vietnamese is the server's default and needs no parameter.
 */
export function formUrlIn(url: string, locale: string): string {
  if (locale !== 'en') return url;
  return `${url}${url.includes('?') ? '&' : '?'}lang=en`;
}

/** The staff address of a form (the dossier's code, or its online ref). */
export function staffFormUrl(code: string, slug: FormSlug): string {
  return `/api/dossiers/${enc(code)}/forms/${slug}`;
}

/** The applicant's address: code (or ref) and phone, as in the lookup. */
export function publicFormUrl(code: string, slug: FormSlug, phone: string): string {
  return `/api/public/dossiers/${enc(code)}/forms/${slug}?phone=${enc(phone)}`;
}

/** The forms of a dossier from its receipt time and the actions of its handover log. */
export function staffForms(code: string, receivedAt: string | null | undefined, actions: readonly string[]): FormLink[] {
  const has = (...a: string[]): boolean => actions.some((x) => a.includes(x));
  const slugs: FormSlug[] = [];
  if (receivedAt && has('receive', 'accept')) slugs.push('mau-01');
  if (has('desk_supplement', 'request_supplement')) slugs.push('mau-02');
  if (has('refuse_receipt', 'refuse')) slugs.push('mau-03');
  if (has('apologize')) slugs.push('mau-04');
  if (receivedAt) slugs.push('mau-05');
  return slugs.map((slug) => ({ slug, url: staffFormUrl(code, slug) }));
}

/**
 * The applicant's forms from the public lookup: the receipt once received,
 * the supplement request while one is open (status 5), the refusal (3 at
 * the desk, 8 after appraisal), the apology once given.
 */
export function publicForms(
  code: string,
  phone: string,
  found: { status: number; received_at?: string | null; apology?: number },
): FormLink[] {
  const slugs: FormSlug[] = [];
  if (found.received_at) slugs.push('mau-01');
  if (found.status === 5) slugs.push('mau-02');
  if (found.status === 3 || found.status === 8) slugs.push('mau-03');
  if (found.apology) slugs.push('mau-04');
  return slugs.map((slug) => ({ slug, url: publicFormUrl(code, slug, phone) }));
}

/**
 * The register (Mẫu 06) as PDF for whole months "YYYY-MM" from–to: from the
 * first day of `from` to the last day of `to`, in `locale`'s language.
 */
export function registerPdfUrl(from: string, to: string, locale = 'vi'): string {
  const [y, m] = to.split('-').map(Number);
  // Day 0 of the next month is the last day of this one (UTC, no time zone shift).
  const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  return formUrlIn(`/api/register?from=${from}-01&to=${to}-${String(last).padStart(2, '0')}&format=pdf`, locale);
}
