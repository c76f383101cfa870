/** The packet feature: preview, print and save the patient packet; an issued packet clears the draft and is audited. */
import { ok } from '../../core/result';
import type { AuditLog } from '../services/audit-log';
import type { DraftStore } from '../services/draft-store';
import type { PacketService } from '../services/packet-service';
import type { SettingsService } from '../services/settings-service';
import type { CaseEstimator } from './case-estimator';
import type { FeatureHandlers } from './dispatch';
import { saveAsResult, type SaveFile } from './save-outcome';

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
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export function createPacketHandlers(deps: PacketIpcDeps): FeatureHandlers<'packet:preview' | 'packet:print' | 'packet:save-pdf'> {
  const buildPacket = async (raw: unknown) => {
    const computed = deps.estimateCase(raw);
    if (!computed.ok) return computed;
    const settings = deps.settings.get();
    return deps.packets.build({
      caseData: computed.value.case,
      estimate: computed.value.estimate,
      clinic: settings.clinic,
      otherProviders: settings.otherProviders,
      doctors: settings.doctors,
      preparedDate: deps.today(),
    });
  };

  return {
    'packet:preview': async (raw) => {
      const built = await buildPacket(raw);
      if (!built.ok) return built;
      const { pdf, fileName, reference } = built.value;
      return ok({ pdfBase64: toBase64(pdf), fileName, reference });
    },
    'packet:print': async (raw) => {
      const built = await buildPacket(raw);
      if (!built.ok) return built;
      const outcome = await deps.printPdf(built.value.pdf, built.value.fileName);
      if (outcome.printed) {
        deps.audit.record('packet-printed', built.value.reference);
        await deps.drafts.clear();
      }
      return ok(outcome);
    },
    'packet:save-pdf': async (raw) => {
      const built = await buildPacket(raw);
      if (!built.ok) return built;
      const saved = await saveAsResult(deps.saveFile, deps.describeWriteError, built.value.fileName, built.value.pdf, 'pdf');
      if (saved.ok && saved.value.saved) {
        deps.audit.record('packet-saved', built.value.reference);
        await deps.drafts.clear();
      }
      return saved;
    },
  };
}
