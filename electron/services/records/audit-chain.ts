/**
 * The audit trail's hash chain: each entry's hash covers the one before it, so an entry
 * changed, removed or put in between is found by walking the chain. The hash is an HMAC under
 * a key derived from the records' data key (seal.ts), so someone with the file alone cannot
 * rewrite entries and recompute the chain. Entries hold who did what and when, with the
 * record's reference; never patient data.
 */

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

/** The keyed hash (hex) the chain uses: Sealer.mac. */
export type Mac = (text: string) => string;

export function entryHash(entry: Omit<AuditEntry, 'hash'>, mac: Mac): string {
  return mac(JSON.stringify([entry.seq, entry.at, entry.action, entry.reference, entry.preparer, entry.osUser, entry.prev]));
}

/** null when every link holds; otherwise where the chain breaks, in plain words. */
export function verifyChain(entries: readonly AuditEntry[], mac: Mac): string | null {
  let prev = GENESIS;
  let seq = 0;
  for (const entry of entries) {
    seq += 1;
    if (entry.seq !== seq) return `The audit trail is broken: entry ${seq} is missing (the next one is ${entry.seq}).`;
    if (entry.prev !== prev || entryHash(entry, mac) !== entry.hash) return `The audit trail is broken at entry ${entry.seq} (${entry.at}): it was changed after it was written.`;
    prev = entry.hash;
  }
  return null;
}

/** The whole trail checked: every action one this app writes, every link, and the head kept beside it (entries cut off the end). */
export function verifyTrail(entries: readonly AuditEntry[], head: string, mac: Mac): string | null {
  if (entries.some((e) => !(auditActions as readonly string[]).includes(e.action))) return 'The audit trail holds an entry this app did not write.';
  const problem = verifyChain(entries, mac);
  if (problem !== null) return problem;
  const last = entries[entries.length - 1]?.hash ?? GENESIS;
  return head === last ? null : 'The audit trail is broken: its last entries were removed.';
}
