/**
 * The complete handler map: one module per feature, merged. `Handlers` is a mapped type
 * over the contract, so a channel no module handles is a compile error here.
 */
import type { DraftStore } from '../services/draft-store';
import { createCaseEstimator } from './case-estimator';
import { createConfigHandlers, type ConfigIpcDeps } from './config-ipc';
import type { Handlers } from './dispatch';
import { createDraftHandlers } from './draft-ipc';
import { createEstimateHandlers, type EstimateIpcDeps } from './estimate-ipc';
import { createPacketHandlers, type PacketIpcDeps } from './packet-ipc';
import { createRecordHandlers, type RecordsIpcDeps } from './records-ipc';
import { createSettingsHandlers, type SettingsIpcDeps } from './settings-ipc';
import { createSharedRecordsHandlers, type SharedRecordsIpcDeps } from './shared-records-ipc';

/** What every feature module needs, together (the case estimator is built here from them). */
export type HandlerDeps = SettingsIpcDeps &
  ConfigIpcDeps &
  Omit<EstimateIpcDeps, 'estimateCase'> &
  Omit<PacketIpcDeps, 'estimateCase' | 'drafts'> &
  RecordsIpcDeps &
  SharedRecordsIpcDeps & { drafts: DraftStore };

export function createHandlers(deps: HandlerDeps): Handlers {
  const estimateCase = createCaseEstimator({ estimates: deps.estimates, settings: () => deps.settings.get(), today: deps.today });
  return {
    ...createSettingsHandlers(deps),
    ...createEstimateHandlers({ ...deps, estimateCase }),
    ...createPacketHandlers({ ...deps, estimateCase }),
    ...createConfigHandlers(deps),
    ...createDraftHandlers(deps),
    ...createRecordHandlers(deps),
    ...createSharedRecordsHandlers(deps),
  };
}
