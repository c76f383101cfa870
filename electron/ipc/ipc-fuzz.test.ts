/**
 * Fuzzing every IPC channel through the real dispatcher and the real handlers
 * (createAppServices on a temporary data folder, test capabilities: no dialogs, no printer).
 * Whatever arrives, a call answers with a Result: `{ ok: true, value }` or a typed error with
 * a message, never an exception and never 'internal' (the dispatcher's catch-all, meaning a
 * handler threw); Object.prototype stays untouched; nothing is written outside the data folder.
 * Deterministic: fixed seeds (fast-check prints the seed and the counterexample on failure).
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import Conf from 'conf';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type Channel } from '../../core/ipc/contract';
import type { ErrorCode, Result } from '../../core/result';
import { defaultSettings } from '../../core/settings';
import { shippedProcedureId } from '../../core/testing/shipped-procedure';
import { createAppServices } from '../services/app-services';
import { writeFileAtomic } from '../services/atomic-write';
import { clinicKeyFileText, newClinicKey } from '../services/records/clinic-key';
import { testCipher } from '../services/records/testing/test-cipher';
import { clinic, insuredCase, MEMBER_ID, otherProviders, uninsuredCase } from '../services/testing/packet-fixtures';
import { createDispatcher } from './dispatch';
import { HUGE, hostilePayload, nearValid, withProtoKeys } from './testing/fuzz-payloads';

const appRoot = resolve(import.meta.dirname, '..', '..');
/** Fixed, so `npm test` is deterministic; FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further by hand. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_413);
const RUNS_FACTOR = Number(process.env['FUZZ_RUNS'] ?? 1);
/** Channels that lay out a PDF take ~80 ms a valid call: fewer runs keep the file well under 30 s. */
const PDF_CHANNELS: readonly Channel[] = ['packet:preview', 'packet:print', 'packet:save-pdf', 'records:reprint', 'records:save-again'];
const runsFor = (channel: Channel) => Math.round((PDF_CHANNELS.includes(channel) ? 30 : 250) * RUNS_FACTOR);

const errorCodes: readonly ErrorCode[] = ['invalid-input', 'untrusted-sender', 'not-found', 'missing-clinic-details', 'write-failed', 'pdf-failed', 'cancelled', 'settings-read-only', 'internal'];

const dataDir = mkdtempSync(join(tmpdir(), 'ipc-fuzz-'));
const saveDir = join(dataDir, 'saved');
const logs: string[] = [];
const savedOutside: string[] = [];
const services = createAppServices(
  { appRoot, dataDir },
  {
    openStore: () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', configFileMode: 0o600, projectName: 'ipc-fuzz' }),
    rename: renameSync,
    cipher: testCipher(),
    saveFile: async (name, data) => {
      const path = resolve(saveDir, name);
      // The app's save dialog gets the suggested name; a name that leaves the folder is a bug.
      if (basename(name) !== name || relative(saveDir, path).startsWith('..')) {
        savedOutside.push(name.slice(0, 200));
        return { saved: false };
      }
      await writeFileAtomic(path, data);
      return { saved: true, path };
    },
    printPdf: async () => ({ printed: true }),
    settingsChanged: () => undefined,
    operator: 'frontdesk1',
    now: () => new Date(2026, 10, 29, 9, 30),
    log: (line) => logs.push(line),
  },
);
const dispatch = createDispatcher(services.handlers, { middleware: [], log: (line) => logs.push(line) });

/** Files under a folder with their size and modification time (to prove the app's own files are untouched). */
function fingerprint(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const stat = statSync(path);
      return `${relative(appRoot, path)} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}
const watched = ['templates', 'resources'].map((d) => join(appRoot, d));
const appRootEntries = () => readdirSync(appRoot).sort();

/** What an unknown call must answer: a Result of the contract's shape. */
function expectResultShape(result: unknown): asserts result is Result<unknown> {
  expect(result).toBeTypeOf('object');
  const r = result as Record<string, unknown>;
  if (r['ok'] === true) {
    expect(Object.keys(r).sort()).toEqual(['ok', 'value']);
    return;
  }
  expect(r['ok']).toBe(false);
  const error = r['error'] as Record<string, unknown>;
  expect(errorCodes).toContain(error['code']);
  expect(typeof error['message'] === 'string' && error['message'].trim() !== '').toBe(true);
  expect(Array.isArray(error['issues'])).toBe(true);
  for (const issue of error['issues'] as unknown[]) {
    expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
  }
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
function expectPrototypesUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
}

async function callChecked(channel: Channel, payload: unknown): Promise<Result<unknown>> {
  const result = await dispatch(channel, payload, null);
  expectResultShape(result);
  if (!result.ok) expect(result.error.code, `${channel}: ${result.error.message}`).not.toBe('internal');
  expectPrototypesUntouched();
  return result;
}

const medicareCase = {
  patient: { firstName: 'Ines', lastName: 'Varga', dateOfBirth: '1944-02-11' },
  procedure: { id: shippedProcedureId, levels: 1, site: 'hospital-outpatient', sedation: 'moderate' },
  coverage: { kind: 'medicare', deductibleMet: 0, supplement: { kind: 'medigap', plan: 'G' } },
  payments: { alreadyPaid: 100, planMonths: 6 },
};

/** A valid request per channel (undefined for channels without one), found once the app is seeded. */
let validRequests: Record<Channel, readonly unknown[]>;
let recordId = '0'.repeat(32);
let before: { files: string[]; entries: string[] };

beforeAll(async () => {
  before = { files: watched.flatMap(fingerprint), entries: appRootEntries() };
  const setUp = await dispatch('settings:update', { clinic, otherProviders, doctors: [{ name: 'Dr. Ana Ruiz', npi: '' }] }, null);
  expect(setUp.ok).toBe(true);
  expect((await dispatch('packet:print', insuredCase, null)).ok).toBe(true);
  const found = (await dispatch('records:search', { query: '' }, null)) as Result<{ rows: { id: string }[] }>;
  recordId = found.ok ? (found.value.rows[0]?.id ?? recordId) : recordId;
  const exported = (await dispatch('config:export', undefined, null)) as Result<{ saved: true; path: string }>;
  const configText = exported.ok ? readFileSync(exported.value.path, 'utf8') : '{}';
  const cases = [insuredCase, uninsuredCase, medicareCase];
  const patch = {
    defaults: { ...defaultSettings.defaults, selfPayDiscountPercent: 10 },
    feeOverrides: { [shippedProcedureId]: { 'physician-first-level': { lowCents: 100_000, highCents: 120_000 } } },
    medicareRates: { [shippedProcedureId]: { '2026': {} } },
    payerContracts: [{ payer: 'Acme', aliases: ['Acme PPO'], physician: { percentOfMedicare: 150 } }],
    records: { idleMinutes: 10 },
  };
  validRequests = {
    'settings:get': [undefined],
    'settings:update': [patch, { clinic }],
    'settings:retry-read': [undefined],
    'procedures:list': [undefined],
    'fees:get': [undefined],
    'medicare:rates': [{ rateYear: 2026 }, {}],
    'estimate:compute': cases,
    'packet:preview': cases,
    'packet:print': cases,
    'packet:save-pdf': cases,
    'config:export': [undefined],
    'config:import-preview': [{ text: configText }],
    'config:import-apply': [{ text: configText }],
    'records:status': [undefined],
    'records:search': [{ query: 'Okafor' }],
    'records:reprint': [{ id: recordId }],
    'records:save-again': [{ id: recordId }],
    'records:revise': [{ id: recordId }],
    'records:delete': [{ id: 'f'.repeat(32) }],
    'records:set-bills': [{ id: recordId, bills: [{ role: 'physician', billedCents: 150_000 }] }],
    'shared-records:get': [undefined],
    'shared-records:save': [{ store: 'postgres', url: 'postgres://clinic_app@db.clinic.local:5432/clinic', caFile: '' }, { store: 'local', url: '', caFile: '' }],
    'shared-records:import-key': [{ text: clinicKeyFileText(newClinicKey().key), fileName: 'clinic.key' }],
    'shared-records:create-key': [undefined],
    'shared-records:set-password': [{ password: 'Front-Desk 2 winter' }],
    'draft:get': [undefined],
    'draft:save': [{ firstName: 'Ana', inNetwork: true }],
    'draft:clear': [undefined],
  };
}, 60_000);

afterAll(() => {
  // The app's own folders are untouched and nothing new appeared beside them.
  expect(watched.flatMap(fingerprint)).toEqual(before.files);
  expect(appRootEntries()).toEqual(before.entries);
  expect(savedOutside).toEqual([]);
  // Logs never carry patient data from the fixtures.
  expect(logs.filter((line) => /Okafor|Margaret|Varga|1948-03-04/.test(line) || line.includes(MEMBER_ID))).toEqual([]);
});

describe('IPC fuzzing: every channel answers hostile input with a typed Result', () => {
  it('covers every channel in the contract', () => {
    expect(Object.keys(validRequests).sort()).toEqual([...channelNames].sort());
  });

  it.each(channelNames)('%s: arbitrary and near-valid payloads', async (channel) => {
    const payloads = fc.oneof(hostilePayload, ...validRequests[channel].map(nearValid));
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        await callChecked(channel, payload);
      }),
      { numRuns: runsFor(channel), seed: SEED },
    );
    // Each valid request still works after the fuzzing (or is refused for a reason, never 'internal').
    for (const request of validRequests[channel]) await callChecked(channel, request);
  }, 60_000 * RUNS_FACTOR);

  it('answers unknown channels, `__proto__` and huge payloads without throwing', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', HUGE, '', 42, null, undefined]) {
      const result = await dispatch(name, withProtoKeys({ a: 1 }), null);
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    for (const channel of channelNames) {
      await callChecked(channel, withProtoKeys(validRequests[channel][0] ?? null));
      await callChecked(channel, { text: HUGE, query: HUGE, id: HUGE, patient: { firstName: HUGE } });
    }
  });
});
