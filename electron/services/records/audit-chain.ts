/**
 * The audit trail's hash chain: each entry's hash covers the one before it, so an entry
 * changed, removed or put in between is found by walking the chain. Entries hold who did
 * what and when, with the record's reference; never patient data.
 */
import { createHash } from 'node:crypto';

export const auditActions = [
  'issue-print',
  'issue-save',
  'reprint',
  'save-again',
  'revise',
  'delete',
  'bill-entered',
  'retention-purge',
  'settings-changed',
  'config-imported',
  'config-exported',
  'imported-from-audit-log',
] as const;
export type AuditActionName = (typeof auditActions)[number];

export interface AuditEntry {
  seq: number;
  at: string;
  action: AuditActionName;
  reference: string;
  preparer: string;
  osUser: string;
  prev: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const body = JSON.stringify([entry.seq, entry.at, entry.action, entry.reference, entry.preparer, entry.osUser, entry.prev]);
  return createHash('sha256').update(body).digest('hex');
}

/** null when every link holds; otherwise where the chain breaks, in plain words. */
export function verifyChain(entries: readonly AuditEntry[]): string | null {
  let prev = GENESIS;
  let seq = 0;
  for (const entry of entries) {
    seq += 1;
    if (entry.seq !== seq) return `The audit trail is broken: entry ${seq} is missing (the next one is ${entry.seq}).`;
    if (entry.prev !== prev || entryHash(entry) !== entry.hash) return `The audit trail is broken at entry ${entry.seq} (${entry.at}): it was changed after it was written.`;
    prev = entry.hash;
  }
  return null;
}
