/**
 * The complete handler map: one module per feature, merged. `Handlers` is a mapped type
 * over the contract, so a channel no module handles is a compile error here.
 */
import type { Settings } from '../../core/settings';
import type { MigrationContext } from '../../core/settings-migrations';
import type { AuditLog } from '../services/audit-log';
import type { DraftStore } from '../services/draft-store';
import type { EstimateService } from '../services/estimate-service';
import type { PacketService } from '../services/packet-service';
import type { SettingsService } from '../services/settings-service';
import { createCaseEstimator } from './case-estimator';
import { createConfigHandlers } from './config-ipc';
import type { Handlers } from './dispatch';
import { createDraftHandlers } from './draft-ipc';
import { createEstimateHandlers } from './estimate-ipc';
import { createPacketHandlers } from './packet-ipc';
import type { SaveFile } from './save-outcome';
import { createSettingsHandlers } from './settings-ipc';

export interface HandlerDeps {
  settings: SettingsService;
  drafts: DraftStore;
  estimates: EstimateService;
  packets: Pick<PacketService, 'build'>;
  audit: AuditLog;
  migration: MigrationContext;
  /** Today's local date, YYYY-MM-DD. */
  today: () => string;
  now: () => Date;
  saveFile: SaveFile;
  printPdf: (pdf: Uint8Array, fileName: string) => Promise<{ printed: boolean }>;
  settingsChanged: (settings: Settings) => void;
  describeWriteError: (error: unknown) => string;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const estimateCase = createCaseEstimator({ estimates: deps.estimates, settings: () => deps.settings.get(), today: deps.today });
  return {
    ...createSettingsHandlers(deps),
    ...createEstimateHandlers({ ...deps, estimateCase }),
    ...createPacketHandlers({ ...deps, estimateCase }),
    ...createConfigHandlers(deps),
    ...createDraftHandlers(deps),
  };
}
