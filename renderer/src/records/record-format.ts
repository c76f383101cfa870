/**
 * Past estimates in plain words: a record's kind, dates, the patient's figure, how it links to
 * its revisions, each provider's bill against its estimate, and what start-up found in the
 * store. Pure (no React); tested in Node. The text holds patient data: on screen only, never
 * logged.
 */
import type { RecordProviderView, RecordRow, RecordsStatus } from '../../../core/ipc/contract';
import { formatCents } from '../../../core/money';
import { formatIsoDate, formatRange } from '../lib/text-parsers';

export const kindLabels: Record<RecordRow['kind'], string> = {
  estimate: 'Estimate',
  'good-faith-estimate': 'Good Faith Estimate',
};

const two = (n: number): string => String(n).padStart(2, '0');

/** The day a packet was issued, on this computer's clock: MM/DD/YYYY. */
export function issuedDate(issuedAt: string): string {
  const at = new Date(issuedAt);
  if (Number.isNaN(at.getTime())) return issuedAt;
  return `${two(at.getMonth() + 1)}/${two(at.getDate())}/${at.getFullYear()}`;
}

/** The time of day it was issued: "9:05 AM". */
export function issuedTime(issuedAt: string): string {
  const at = new Date(issuedAt);
  if (Number.isNaN(at.getTime())) return '';
  const hours = at.getHours();
  return `${hours % 12 === 0 ? 12 : hours % 12}:${two(at.getMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}

export const birthDate = (dateOfBirth: string): string => formatIsoDate(dateOfBirth);

/** What the patient may owe (a range), or the Good Faith Estimate's total. */
export function patientFigure(row: Pick<RecordRow, 'kind' | 'patientCents'>): string {
  return row.kind === 'good-faith-estimate' ? `${formatCents(row.patientCents.high)} total` : formatRange(row.patientCents);
}

/** "Replaces VP-…" and "Replaced by VP-…", where the record has them. */
export function revisionLinks(row: Pick<RecordRow, 'revises' | 'revisedBy'>): string[] {
  return [row.revises === null ? null : `Replaces ${row.revises}`, row.revisedBy === null ? null : `Replaced by ${row.revisedBy}`].filter(
    (line): line is string => line !== null,
  );
}

/** A bill against its estimate: "$450.00 more than the estimate", "$20.00 less", "The same as the estimate". */
export function differenceText(differenceCents: number | null): string {
  if (differenceCents === null) return 'No bill entered yet';
  if (differenceCents === 0) return 'The same as the estimate';
  return differenceCents > 0 ? `${formatCents(differenceCents)} more than the estimate` : `${formatCents(-differenceCents)} less than the estimate`;
}

/** The patient's dispute right (45 CFR 149.620): a bill $400 or more above a provider's Good Faith Estimate total. */
export function disputeMessage(provider: Pick<RecordProviderView, 'name' | 'differenceCents'>): string {
  return `The patient may dispute this bill: it is ${formatCents(provider.differenceCents ?? 0)} above the Good Faith Estimate for ${provider.name}.`;
}

/** The dispute warnings for a record, one per provider the main side flagged. */
export function disputeMessages(row: Pick<RecordRow, 'providers'>): string[] {
  return row.providers.filter((p) => p.disputeRisk).map(disputeMessage);
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface RecordsNotice {
  /** `problem`: something staff should tell IT about; `info`: what the app did. */
  tone: 'problem' | 'info';
  text: string;
}

/**
 * What start-up found, in plain words: records not kept (and why), records removed for their
 * age, records that could not be read (by reference: the others are fine), a broken audit trail.
 * `alsoUnreadable`: references a search found unreadable since.
 */
export function statusNotices(status: RecordsStatus, retentionYears: number, alsoUnreadable: readonly string[] = []): RecordsNotice[] {
  const notices: RecordsNotice[] = [];
  if (!status.available) {
    // The clinic's shared server's reason says itself where the records are (and that packets wait here).
    const text = status.shared !== null && status.reason !== null ? status.reason : `Past estimates are not kept on this computer. ${status.reason ?? 'The records could not be opened.'}`;
    notices.push({ tone: 'problem', text });
  }
  if (status.purged > 0) {
    const removed = plural(status.purged, 'estimate was', 'estimates were');
    notices.push({ tone: 'info', text: `${removed} older than ${plural(retentionYears, 'year', 'years')} and removed when the app started (Settings → Records and privacy).` });
  }
  const unreadable = [...new Set([...status.unreadable, ...alsoUnreadable])];
  if (unreadable.length > 0) {
    const records = plural(unreadable.length, 'record could', 'records could');
    notices.push({
      tone: 'problem',
      text: `${records} not be read (damaged, or changed outside the app): ${unreadable.join(', ')}. The other records are fine. Tell IT before deleting anything.`,
    });
  }
  if (status.auditProblem !== null) {
    notices.push({ tone: 'problem', text: `The audit trail did not pass its check when the app started: ${status.auditProblem} Tell IT.` });
  }
  return notices;
}

/** The header's note while records issued here wait to reach the clinic's shared server: empty when none. */
export function waitingToShare(waiting: number): string {
  return waiting === 0 ? '' : `${plural(waiting, 'record', 'records')} waiting to be shared`;
}

/**
 * What the search box finds. The clinic's shared records are matched on the server by keyed
 * hashes (the server never sees a name), so by whole name parts or their beginning, not by any piece.
 */
export function searchHint(shared: boolean): string {
  return shared
    ? 'A whole first or last name, or its first 3 letters or more; date of birth (MM/DD/YYYY); date issued; or the start of the reference (VP-…)'
    : 'Part of the name, date of birth (MM/DD/YYYY), date issued or reference (VP-…)';
}

/** How many were found, said plainly, or why the list is empty. */
export function searchSummary(query: string, found: { rows: number; more: number; moreAtLeast?: boolean }, shared = false): string {
  const typed = query.trim() !== '';
  if (found.rows === 0) {
    if (!typed) return 'No estimates yet. When a packet is printed or saved, it is kept here.';
    return shared
      ? 'No estimate matches that. Type a whole first or last name, or its first 3 letters or more (a piece from the middle of a name finds nothing), the date of birth as MM/DD/YYYY, the date issued or the start of the reference (VP-…).'
      : 'No estimate matches that. Try part of the last name, the date of birth as MM/DD/YYYY, the date issued or the reference (VP-…).';
  }
  const count = plural(found.rows, 'estimate', 'estimates');
  if (found.more > 0) {
    const total = `${found.moreAtLeast === true ? 'more than ' : ''}${(found.rows + found.more).toLocaleString('en-US')}`;
    const shown = typed ? `${count} shown of ${total} found` : `The newest ${count} shown of ${total}`;
    return `${shown}: type more of the name or the date of birth to narrow the list.`;
  }
  return typed ? `${count} found.` : `${count} on record.`;
}
