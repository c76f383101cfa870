/**
 * The audit log: who did what and when, with the estimate reference; never patient data.
 * With the records store open, entries go into its hash-chained audit trail (written in the
 * same database as the records); before it opens, or where records cannot be kept, they are
 * JSON lines in audit.log (imported into the trail once the store opens). A failed write is
 * reported, never allowed to undo what it records (the packet is already out).
 */
import { appendFileSync } from 'node:fs';
import type { AuditActionName } from './records/audit-chain';
import type { RecordStore } from './records/record-store';

export type AuditAction = 'packet-saved' | 'packet-printed' | 'config-imported' | 'config-exported' | 'settings-changed';

export interface AuditLog {
  /** "packet-saved VP-20261129-7K3Q9": who did what, never to whom. */
  record(action: AuditAction, reference: string, preparer?: string): Promise<void>;
}

const chainAction: Record<AuditAction, AuditActionName> = {
  'packet-saved': 'issue-save',
  'packet-printed': 'issue-print',
  'config-imported': 'config-imported',
  'config-exported': 'config-exported',
  'settings-changed': 'settings-changed',
};

export function createAuditLog(options: {
  filePath: string;
  operator: string;
  now: () => Date;
  log: (line: string) => void;
  /** The records store once open (null until then, or when records are not kept). */
  store?: () => RecordStore | null;
}): AuditLog {
  return {
    async record(action, reference, preparer = '') {
      const store = options.store?.() ?? null;
      if (store !== null) {
        try {
          await store.audit(chainAction[action], reference, { preparer, osUser: options.operator }, options.now().toISOString());
          return;
        } catch (error) {
          // Never skipped: the entry goes to audit.log, imported into the trail at the next start.
          options.log(`[audit] the audit trail refused ${action} ${reference}: ${error instanceof Error ? error.name : 'error'}; written to audit.log`);
        }
      }
      try {
        const line = { at: options.now().toISOString(), user: options.operator, action, reference };
        appendFileSync(options.filePath, `${JSON.stringify(line)}\n`, { mode: 0o600 });
      } catch (error) {
        options.log(`[audit] could not write ${action} ${reference}: ${error instanceof Error ? error.name : 'error'}`);
      }
    },
  };
}
