/**
 * The audit log: one JSON line per packet saved or printed and per configuration import or
 * export: time, OS user, action, estimate reference. No patient data. A failed write is
 * reported, never allowed to undo what it records (the packet is already out).
 */
import { appendFileSync } from 'node:fs';

export type AuditAction = 'packet-saved' | 'packet-printed' | 'config-imported' | 'config-exported';

export interface AuditLog {
  /** "packet-saved VP-20261129-7K3Q9": who did what, never to whom. */
  record(action: AuditAction, reference: string): void;
}

export function createAuditLog(options: { filePath: string; operator: string; now: () => Date; log: (line: string) => void }): AuditLog {
  return {
    record(action, reference) {
      const line = { at: options.now().toISOString(), user: options.operator, action, reference };
      try {
        appendFileSync(options.filePath, `${JSON.stringify(line)}\n`, { mode: 0o600 });
      } catch (error) {
        options.log(`[audit] could not write ${action} ${reference}: ${error instanceof Error ? error.name : 'error'}`);
      }
    },
  };
}
