/**
 * One case pipeline: every fixture case (e2e/cases/*.json, valid and invalid) gives the same
 * answer through the headless command and through IPC dispatch as the app runs it.
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { toEstimateJson } from '../../core/estimate/estimate-json';
import type { Estimate } from '../../core/estimate/types';
import type { Result } from '../../core/result';
import { createDispatcher } from '../ipc/dispatch';
import { createAppServices } from '../services/app-services';
import { formatFieldIssues } from './case-file';
import { EXIT_INPUT, EXIT_OK } from './cli-types';
import { runCli } from './run-cli';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));
const casesDir = join(appRoot, 'e2e', 'cases');
const TODAY = '2026-12-01';
const caseFiles = readdirSync(casesDir).filter((name) => name.endsWith('.json')).sort();

async function viaCli(file: string) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await runCli(['estimate', join(casesDir, file)], { templatesDir: join(appRoot, 'templates'), io, today: () => TODAY });
  return { code, stdout, stderr };
}

function appDispatch() {
  const dataDir = mkdtempSync(join(tmpdir(), 'case-parity-'));
  const services = createAppServices(
    { appRoot, dataDir },
    {
      openStore: () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', projectName: 'clinic-test' }),
      rename: renameSync,
      cipher: { encrypt: async (plain: string) => Buffer.from(plain), decrypt: async (sealed: Uint8Array) => Buffer.from(sealed).toString() },
      saveFile: async () => ({ saved: false }),
      printPdf: async () => ({ printed: false }),
      settingsChanged: () => undefined,
      operator: 'test',
      now: () => new Date(`${TODAY}T12:00:00`),
    },
  );
  return createDispatcher(services.handlers, { middleware: [], log: () => undefined });
}

describe('CLI and IPC parity over every fixture case', () => {
  const dispatch = appDispatch();

  it('has valid and invalid fixture cases to compare', () => {
    expect(caseFiles.filter((f) => f.startsWith('invalid-')).length).toBeGreaterThanOrEqual(3);
    expect(caseFiles.filter((f) => !f.startsWith('invalid-')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(caseFiles)('%s: the same JSON (or the same field issues) both ways', async (file) => {
    const raw: unknown = JSON.parse(readFileSync(join(casesDir, file), 'utf8'));
    const cli = await viaCli(file);
    const ipc = (await dispatch('estimate:compute', raw, null)) as Result<Estimate>;
    if (ipc.ok) {
      expect(cli.code, cli.stderr).toBe(EXIT_OK);
      expect(JSON.parse(cli.stdout)).toEqual(toEstimateJson(ipc.value));
    } else {
      expect(ipc.error.code).toBe('invalid-input');
      expect(cli.code).toBe(EXIT_INPUT);
      expect(cli.stderr).toBe(formatFieldIssues(ipc.error.issues));
    }
    expect(file.startsWith('invalid-')).toBe(!ipc.ok);
  });
});
