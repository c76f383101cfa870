/** A clinic configuration file as another front-desk PC would have exported it. */
import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import type { clinicConfigFileSchema } from '../../core/settings';

/** What an exported file may hold (groups added later, like otherProviders, may be missing). */
export type ExportedSettings = z.input<typeof clinicConfigFileSchema>['settings'];

/** Writes `settings` as an exported configuration file at `path` and returns `path`. */
export function writeConfigFile(path: string, settings: ExportedSettings): string {
  const file: z.input<typeof clinicConfigFileSchema> = { kind: 'clinic-estimate-packet/config', version: 1, exportedAt: '2026-01-05T10:00:00.000Z', settings };
  writeFileSync(path, JSON.stringify(file));
  return path;
}
