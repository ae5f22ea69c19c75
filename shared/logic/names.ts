/** How names typed into forms and spreadsheets are made comparable, without changing what they say. */

const FULLWIDTH_DIGITS = /[０-９]/g;
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
/** Any run of spaces (ASCII, full-width U+3000, no-break) between two CJK characters. */
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[\\s\\u3000\\u00a0]+(?=[${CJK}])`, 'g');

export function halfWidthDigits(s: string): string {
  return s.replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * A person's name as the roster keeps it: trimmed, NFC, full-width digits made half-width, and the padding
 * forms put between a two-character name's characters removed (`王　伟` is 王伟). Latin names keep their spaces.
 */
export function normalizePersonName(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  let s = halfWidthDigits(String(raw).normalize('NFC'));
  s = s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  return s.replace(SPACE_BETWEEN_CJK, '');
}

/** A company name: trimmed, single-spaced, NFC, full-width brackets kept as typed (they are part of names). */
export function normalizeCompanyName(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return halfWidthDigits(String(raw).normalize('NFC'))
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
}

/** Employee numbers are text: leading zeros kept, full-width digits made half-width, spaces dropped. */
export function normalizeEmployeeNo(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const s = halfWidthDigits(String(raw).normalize('NFKC')).replace(/\s+/g, '');
  return s === '' ? null : s;
}

/** For comparing: case-folded and without spaces. */
export function nameKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** A short, stable id from text (FNV-1a): the same company name always gets the same id in a migration. */
export function stableId(prefix: string, text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let h2 = 0x1b873593;
  for (const ch of text) h2 = Math.imul(h2 ^ ch.codePointAt(0)!, 0x5bd1e995) >>> 0;
  return `${prefix}_${h.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
