// The agency's abbreviation as a ký hiệu prints it (NĐ 30/2020: capitals
// joined by "-"); the same rule as the server's core_agency_abbreviation_ok,
// which checks again (PATCH /api/agency answers 400 naming the field).

/** What the administrator typed, trimmed and in capitals (đ → Đ). */
export function normaliseAbbreviation(s: string): string {
  return s.trim().toLocaleUpperCase('vi');
}

/** 1–20 bytes: A–Z, Đ, digits, single hyphens; starts with a letter, ends without a hyphen. */
export function abbreviationOk(s: string): boolean {
  return /^[A-ZĐ](?:[A-ZĐ0-9]|-(?=[A-ZĐ0-9]))*$/.test(s) && new TextEncoder().encode(s).length <= 20;
}
