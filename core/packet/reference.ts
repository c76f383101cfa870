/**
 * The packet's estimate reference number and suggested file name. Both are pure functions
 * of their inputs, so a re-printed packet carries the same reference as the first print
 * (within one app version: a new field in the estimate changes the hash; issued packets are
 * reprinted from their record, not recomputed).
 */
import type { ProcedureDefinition } from '../estimate/procedure-schema';
import type { Case, Estimate } from '../estimate/types';
import { compactDate, parseIsoDate } from './dates';

/** Crockford base-32: no I, L, O, U (nothing to misread over the phone). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** JSON with object keys sorted, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: a small, well-mixed 53-bit string hash (not cryptographic; enough for a reference). */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * `<prefix>-20261129-7K3Q9`: the procedure's reference prefix, the prepared date, and 5
 * base-32 characters of a hash of the inputs.
 */
export function packetReference(
  caseData: Case,
  estimate: Estimate,
  preparedDate: string,
  procedure: Pick<ProcedureDefinition, 'referencePrefix'>,
): string {
  let value = hash53(canonicalJson({ caseData, estimate, preparedDate }));
  let code = '';
  for (let i = 0; i < 5; i += 1) {
    code += ALPHABET[value % 32] ?? '0';
    value = Math.floor(value / 32);
  }
  return `${procedure.referencePrefix}-${compactDate(preparedDate)}-${code}`;
}

/** Letters and digits only, accents dropped ("Peña O'Neil" -> "Pena-O-Neil"). */
function fileNamePart(text: string, fallback: string): string {
  const cleaned = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return cleaned === '' ? fallback : cleaned;
}

/** `<Last>-<First>-<procedure slug>-<YYYY-MM-DD>.pdf`, safe on Windows, macOS and Linux. */
export function packetFileName(caseData: Case, preparedDate: string, procedure: Pick<ProcedureDefinition, 'fileSlug'>): string {
  const last = fileNamePart(caseData.patient.lastName, 'Patient');
  const first = fileNamePart(caseData.patient.firstName, 'Packet');
  const date = parseIsoDate(preparedDate) ? preparedDate.trim() : 'undated';
  return `${last}-${first}-${procedure.fileSlug}-${date}.pdf`;
}
