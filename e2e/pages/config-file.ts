/**
 * A clinic configuration file as another front-desk PC would have exported it: written by
 * version 1 of the app (fee overrides not yet keyed by procedure), so every import in the
 * specs also goes through the settings migration chain.
 */
import { writeFileSync } from 'node:fs';
import type { Settings } from '../../core/settings';

/** What a version-1 export may hold (groups added later, like otherProviders, may be missing). */
export interface ExportedSettings {
  clinic: Settings['clinic'];
  otherProviders?: Settings['otherProviders'];
  /** Version 1 kept the Medicare Part B deductible here (moved to medicareRates in version 3) and had no deposit. */
  defaults: Omit<Settings['defaults'], 'depositPercent'> & { medicareDeductibleCents: number };
  /** Version 1: by fee-line id. */
  feeOverrides: Record<string, { lowCents: number; highCents: number }>;
}

/** Writes `settings` as an exported version-1 configuration file at `path` and returns `path`. */
export function writeConfigFile(path: string, settings: ExportedSettings): string {
  const file = { kind: 'clinic-estimate-packet/config', version: 1, exportedAt: '2026-01-05T10:00:00.000Z', settings };
  writeFileSync(path, JSON.stringify(file));
  return path;
}
