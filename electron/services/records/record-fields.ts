/**
 * What both record stores (SQLite, PostgreSQL) seal and read the same way: a record's sealed
 * fields (its small index: name, date of birth, amounts, providers; the case; the PDF; the
 * bills), its id, and the row Past estimates shows, with the $400 dispute flag. A store keeps
 * these bytes; it never sees the plain fields but through here.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RecordProviderView, RecordRow } from '../../../core/ipc/contract';
import type { BillingRole } from '../../../core/case/enums';
import type { NewRecord, OpenedRecord } from './record-store';
import { SealBroken, type Sealer } from './seal';

/** The $400 dispute threshold, per provider (45 CFR 149.620). */
export const DISPUTE_THRESHOLD_CENTS = 40_000;

export type Bills = { role: BillingRole; billedCents: number }[];

/** A record as search and Past estimates need it (the sealed index opened, with the plain fields). */
export interface IndexEntry {
  id: string;
  reference: string;
  kind: RecordRow['kind'];
  issuedAt: string;
  /** The day it was issued on this computer's calendar (what staff type), YYYY-MM-DD. */
  issuedDay: string;
  preparedBy: string;
  revises: string | null;
  name: string;
  nameLower: string;
  dateOfBirth: string;
  patientCents: { low: number; high: number };
  providers: NewRecord['providers'];
  bills: Bills;
}

/** The columns both stores keep for a record (plain ones and sealed ones). */
export interface StoredIndex {
  id: string;
  reference: string;
  kind: RecordRow['kind'];
  issued_at: string;
  prepared_by: string;
  revises: string | null;
  sealed_index: Buffer;
  /** Sealed, base64; '[]' until staff enter what each provider billed. */
  bills: string;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const parse = <T>(bytes: Buffer): T => JSON.parse(bytes.toString('utf8')) as T;

/** An ISO time's day on this computer's calendar. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "03/04/1948" or "1948-03-04" -> "1948-03-04"; anything else null. */
export function asIsoDate(query: string): string | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(query);
  if (us) return `${us[3]}-${(us[1] ?? '').padStart(2, '0')}-${(us[2] ?? '').padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(query) ? query : null;
}

/** The record's own id (given for an upload that may be sent twice), or a new one: 128 random bits, hex. */
export function recordIdOf(record: NewRecord): string {
  if (record.id === undefined) return randomBytes(16).toString('hex');
  if (!/^[0-9a-f]{32}$/.test(record.id)) throw new RangeError('A record id is 32 lowercase hex digits.');
  return record.id;
}

/** The record's fields sealed for storage, and the PDF's SHA-256 (kept plain, to check the PDF against). */
export function sealRecord(sealer: Sealer, id: string, r: NewRecord) {
  return {
    sealedIndex: sealer.seal(id, 'index', json({ patientName: r.patientName, dateOfBirth: r.dateOfBirth, patientCents: r.patientCents, providers: r.providers })),
    sealedCase: sealer.seal(id, 'case', json({ caseInput: r.caseInput, estimate: r.estimate, fileName: r.fileName })),
    sealedPdf: sealer.seal(id, 'pdf', r.pdf),
    pdfSha256: createHash('sha256').update(r.pdf).digest('hex'),
  };
}

export const sealBills = (sealer: Sealer, id: string, bills: Bills): string => sealer.seal(id, 'bills', json(bills)).toString('base64');

/** The entry of a record just added (nothing to open: the store had the plain fields). */
export function entryOfNew(id: string, record: NewRecord): IndexEntry {
  return {
    id,
    reference: record.reference,
    kind: record.kind,
    issuedAt: record.issuedAt,
    issuedDay: localDay(record.issuedAt),
    preparedBy: record.preparedBy,
    revises: record.revises,
    name: record.patientName,
    nameLower: record.patientName.toLowerCase(),
    dateOfBirth: record.dateOfBirth,
    patientCents: record.patientCents,
    providers: record.providers,
    bills: [],
  };
}

/** Opens a stored record's index and bills; throws SealBroken (or SyntaxError) for one that fails its check. */
export function openEntry(sealer: Sealer, row: StoredIndex): IndexEntry {
  const sealed = parse<Pick<NewRecord, 'patientName' | 'dateOfBirth' | 'patientCents' | 'providers'>>(sealer.open(row.id, 'index', row.sealed_index));
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    issuedAt: row.issued_at,
    issuedDay: localDay(row.issued_at),
    preparedBy: row.prepared_by,
    revises: row.revises,
    name: sealed.patientName,
    nameLower: sealed.patientName.toLowerCase(),
    dateOfBirth: sealed.dateOfBirth,
    patientCents: sealed.patientCents,
    providers: sealed.providers,
    // What each provider billed is sealed too: changing it breaks the seal.
    bills: row.bills === '[]' ? [] : parse<Bills>(sealer.open(row.id, 'bills', Buffer.from(row.bills, 'base64'))),
  };
}

/** Is this error a record failing its check (reported by reference), rather than a fault to throw on? */
export const isUnreadable = (error: unknown): boolean => error instanceof SealBroken || error instanceof SyntaxError;

/** Opens a record's case and PDF for reprint or revise; throws SealBroken for one that fails its check. */
export function openRecordFields(
  sealer: Sealer,
  row: { id: string; reference: string; issued_at: string; sealed_case: Buffer; sealed_pdf: Buffer; pdf_sha256: string },
): OpenedRecord {
  const sealed = parse<{ caseInput: unknown; fileName: string }>(sealer.open(row.id, 'case', row.sealed_case));
  const pdf = sealer.open(row.id, 'pdf', row.sealed_pdf);
  if (createHash('sha256').update(pdf).digest('hex') !== row.pdf_sha256) throw new SealBroken('the PDF does not match its SHA-256');
  return { id: row.id, reference: row.reference, issuedAt: row.issued_at, caseInput: sealed.caseInput, fileName: sealed.fileName, pdf, pdfSha256: row.pdf_sha256 };
}

/** The row Past estimates shows; `revises` and `revisedBy` are the other records' references. */
export function recordRow(entry: IndexEntry, links: { revises: string | null; revisedBy: string | null }): RecordRow {
  const providers: RecordProviderView[] = entry.providers.map((p) => {
    const billed = entry.bills.find((b) => b.role === p.role)?.billedCents ?? null;
    const difference = billed === null ? null : billed - p.estimatedCents;
    return {
      role: p.role,
      name: p.name,
      estimatedCents: p.estimatedCents,
      billedCents: billed,
      differenceCents: difference,
      disputeRisk: entry.kind === 'good-faith-estimate' && difference !== null && difference >= DISPUTE_THRESHOLD_CENTS,
    };
  });
  return {
    id: entry.id,
    reference: entry.reference,
    kind: entry.kind,
    patientName: entry.name,
    dateOfBirth: entry.dateOfBirth,
    issuedAt: entry.issuedAt,
    preparedBy: entry.preparedBy,
    patientCents: entry.patientCents,
    revises: links.revises,
    revisedBy: links.revisedBy,
    providers,
  };
}
