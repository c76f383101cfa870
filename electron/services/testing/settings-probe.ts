/**
 * `node --import tsx settings-probe.ts <dataDir>`: the REAL settings service on a data folder,
 * as the app opens it (conf's JSON file), run by fault tests as another user. Prints one JSON
 * line of what it found, then, on each "retry" line on stdin, tries again and prints again.
 */
import { readdirSync, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import Conf from 'conf';
import { createSettingsService } from '../settings-service';

const dataDir = process.argv[2] ?? '';
const service = createSettingsService({
  openStore: () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', configFileMode: 0o600, projectName: 'clinic-probe' }),
  filePath: join(dataDir, 'settings.json'),
  rename: renameSync,
  now: () => new Date(),
  migration: { legacyProcedureId: 'vertebroplasty-lumbar' },
  pause: () => undefined,
});

function report(step: string): void {
  let saveRefused = false;
  if (service.readOnlyReason !== null) {
    try {
      service.update({ clinic: { phone: '555-0199' } });
    } catch {
      saveRefused = true;
    }
  }
  const state = { step, notice: service.notice, canRetry: service.canRetry, clinicName: service.get().clinic.name, saveRefused, files: readdirSync(dataDir).sort() };
  console.log(JSON.stringify(state));
}

report('start');
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line !== 'retry') return;
  service.retryRead();
  report('retry');
  lines.close();
  process.stdin.destroy();
});
