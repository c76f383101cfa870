/**
 * The packet feature: preview, print and save the patient packet. An issued packet (printed or
 * saved) is kept on record, sealed, with its audit entry in the same transaction (where records
 * are kept; otherwise audited in audit.log), and clears the draft. A packet that revises a
 * record says so on its pages.
 */
import { ok } from '../../core/result';
import type { RecordsService } from '../services/records/records-service';
import { newRecord } from '../services/records/new-record';
import type { AuditActionName } from '../services/records/audit-chain';
import type { NewRecord } from '../services/records/record-store';
import type { AuditLog } from '../services/audit-log';
import type { DraftStore } from '../services/draft-store';
import type { PacketService } from '../services/packet-service';
import type { SettingsService } from '../services/settings-service';
import type { CaseEstimator } from './case-estimator';
import type { FeatureHandlers } from './dispatch';
import { orWriteFailed, saveAsResult, type SaveFile } from './save-outcome';

export interface PacketIpcDeps {
  settings: Pick<SettingsService, 'get'>;
  estimateCase: CaseEstimator;
  packets: Pick<PacketService, 'build'>;
  drafts: Pick<DraftStore, 'clear'>;
  audit: AuditLog;
  /** Today's local date, YYYY-MM-DD. */
  today: () => string;
  saveFile: SaveFile;
  /** Open the system print dialog for the PDF. */
  printPdf: (pdf: Uint8Array, fileName: string) => Promise<{ printed: boolean }>;
  describeWriteError: (error: unknown) => string;
  /** Issued packets on record (resolves once the store is open, or says why it is not). */
  records: Promise<RecordsService>;
  operator: string;
  now: () => Date;
  log: (line: string) => void;
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export function createPacketHandlers(deps: PacketIpcDeps): FeatureHandlers<'packet:preview' | 'packet:print' | 'packet:save-pdf'> {
  const buildPacket = async (raw: unknown) => {
    const computed = deps.estimateCase(raw);
    if (!computed.ok) return { built: computed, context: null };
    const settings = deps.settings.get();
    const { case: caseData, estimate } = computed.value;
    const store = (await deps.records).store;
    const revises = caseData.revises !== undefined ? ((await store?.row(caseData.revises)) ?? null) : null;
    const built = await deps.packets.build({
      caseData,
      estimate,
      clinic: settings.clinic,
      otherProviders: settings.otherProviders,
      doctors: settings.doctors,
      revision: revises === null ? undefined : { reference: revises.reference, issuedAt: revises.issuedAt },
      preparedDate: deps.today(),
    });
    return { built, context: { raw, caseData, estimate, settings, revisesId: revises?.id ?? null } };
  };

  /**
   * Keeps the issued packet on record with its audit entry; without records, audits to audit.log.
   * Says whether it is on record (staff are told where to find it, or to keep their copy).
   */
  const issued = async (packet: Awaited<ReturnType<typeof buildPacket>>, action: 'packet-printed' | 'packet-saved'): Promise<{ recorded: boolean; waiting: boolean }> => {
    const { built, context } = packet;
    if (!built.ok || context === null) return { recorded: false, waiting: false };
    const { store, keepWaiting, waiting: waitingNow } = await deps.records;
    // Where records are not kept, a shared server that refused this PC still keeps it waiting here (not in Past estimates).
    const keep = store === null ? keepWaiting : (record: NewRecord, chainAction: AuditActionName) => store.add(record, chainAction);
    let recorded = false;
    if (keep === null) {
      await deps.audit.record(action, built.value.reference, context.caseData.preparedBy);
    } else {
      try {
        const record = newRecord(
          { caseInput: context.raw, caseData: context.caseData, estimate: context.estimate, ...built.value },
          { clinic: context.settings.clinic, otherProviders: context.settings.otherProviders, osUser: deps.operator, issuedAt: deps.now().toISOString(), revises: context.revisesId },
        );
        await keep(record, context.revisesId !== null ? 'revise' : action === 'packet-printed' ? 'issue-print' : 'issue-save');
        recorded = store !== null;
      } catch (error) {
        // The packet is already out: note the failure (no patient data) and audit it in the file log.
        deps.log(`[records] could not keep ${built.value.reference}: ${error instanceof Error ? error.name : 'error'}`);
        await deps.audit.record(action, built.value.reference, context.caseData.preparedBy);
      }
    }
    await deps.drafts.clear();
    // A shared store that cannot reach its server keeps the record on this PC until it answers
    // (the queue's own count: asking the status would try the server again before answering).
    const waiting = recorded && (waitingNow?.() ?? 0) > 0;
    return { recorded, waiting };
  };

  return {
    'packet:preview': async (raw) => {
      const { built } = await buildPacket(raw);
      if (!built.ok) return built;
      const { pdf, fileName, reference } = built.value;
      return ok({ pdfBase64: toBase64(pdf), fileName, reference });
    },
    'packet:print': async (raw) => {
      const packet = await buildPacket(raw);
      const { built } = packet;
      if (!built.ok) return built;
      // Printing writes the PDF to a temp file first: a full disk is said plainly.
      const printed = await orWriteFailed('The packet could not be printed', () => deps.printPdf(built.value.pdf, built.value.fileName));
      if (!printed.ok) return printed;
      const kept = printed.value.printed ? await issued(packet, 'packet-printed') : { recorded: false, waiting: false };
      return ok({ printed: printed.value.printed, ...kept });
    },
    'packet:save-pdf': async (raw) => {
      const packet = await buildPacket(raw);
      const { built } = packet;
      if (!built.ok) return built;
      const saved = await saveAsResult(deps.saveFile, deps.describeWriteError, built.value.fileName, built.value.pdf, 'pdf');
      if (!saved.ok) return saved;
      if (!saved.value.saved) return ok({ saved: false });
      return ok({ ...saved.value, ...(await issued(packet, 'packet-saved')) });
    },
  };
}
