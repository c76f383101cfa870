/**
 * Settings -> Shared records through the app's own handlers: the store this PC uses (from the
 * machine policy, read-only, or from this PC's Settings), the clinic key imported or made (its
 * id shown, never the key), and this PC's database password (kept wrapped, never sent back).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedPort } from '../services/testing/closed-port';
import type { RecordsStatus, SharedRecordsView } from '../../core/ipc/contract';
import { startTestApp, value } from '../services/testing/app-harness';
import type { LoadedPolicy } from '../services/policy';
import { createClinicKey, readClinicKey } from '../services/records/clinic-key';
import { WRAPPED_CLINIC_KEY_FILE } from '../services/records/clinic-key-store';
import { RECORDS_PASSWORD_FILE } from '../services/records/records-password';

const PASSWORD = 'Front-Desk 2 winter';

async function keyFileText(): Promise<{ text: string; keyId: string; key: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'shared-records-ipc-key-')), 'clinic.key');
  const { keyId } = await createClinicKey(file);
  const text = readFileSync(file, 'utf8');
  return { text, keyId, key: (await readClinicKey(file)).key.toString('base64') };
}

const view = async (app: ReturnType<typeof startTestApp>) => value(await app.call('shared-records:get')) as SharedRecordsView;
const settingsFile = (app: ReturnType<typeof startTestApp>) => readFileSync(join(app.dataDir, 'settings.json'), 'utf8');

describe('Settings -> Shared records without a machine policy', () => {
  it('starts on this computer only, chosen in Settings, with no key and no password', async () => {
    const app = startTestApp();
    expect(await view(app)).toEqual({ source: 'settings', store: 'local', url: '', caFile: '', keyId: null, passwordSaved: false, restartNeeded: false });
  });

  it('refuses an address with a password in it or none at all, naming the field, and saves nothing', async () => {
    const app = startTestApp();
    const before = await view(app);
    for (const [url, message] of [
      ['postgres://clinic_app:hunter2@db.clinic.local:5432/clinic', /Remove the password from this address/],
      ['', /needs the server's address/],
      ['db.clinic.local', /postgres:\/\/user@host:5432\/database/],
    ] as const) {
      const result = await app.call('shared-records:save', { store: 'postgres', url, caFile: '' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.issues.map((i) => i.path)).toEqual(['url']);
      expect(!result.ok && result.error.issues[0]?.message).toMatch(message);
      expect(JSON.stringify(result)).not.toContain('hunter2');
    }
    expect(await view(app)).toEqual(before);
    expect(existsSync(join(app.dataDir, 'settings.json')) ? settingsFile(app) : '').not.toContain('hunter2');
  });

  it('a key text that is not a clinic key is refused in plain words naming the file kind, and nothing is kept', async () => {
    const app = startTestApp();
    for (const text of ['hello', '{"kind":"clinic-estimate-packet/config","version":6}', JSON.stringify({ ...JSON.parse((await keyFileText()).text), keyId: '0000000000000000' })]) {
      const result = await app.call('shared-records:import-key', { text, fileName: 'clinic.key' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message).toMatch(/clinic key file/);
    }
    expect(existsSync(join(app.dataDir, WRAPPED_CLINIC_KEY_FILE))).toBe(false);
    expect((await view(app)).keyId).toBeNull();
  });

  it('imports the clinic key file: kept wrapped, shown by its id, never the key', async () => {
    const app = startTestApp();
    const { text, keyId, key } = await keyFileText();
    const imported = await app.call('shared-records:import-key', { text, fileName: 'clinic.key' });
    expect(value(imported)).toMatchObject({ keyId });
    expect(JSON.stringify(imported)).not.toContain(key);
    expect(readFileSync(join(app.dataDir, WRAPPED_CLINIC_KEY_FILE)).includes(Buffer.from(key))).toBe(false);
    expect(app.logs.join('\n')).not.toContain(key);
  });

  it('makes a clinic key on the first computer: saved for the others, kept here, never over an existing file', async () => {
    const taken = startTestApp();
    mkdirSync(taken.saveDir, { recursive: true });
    writeFileSync(join(taken.saveDir, 'clinic.key'), 'keep me');
    const refused = await taken.call('shared-records:create-key');
    expect(!refused.ok && refused.error.message).toMatch(/already exists.*never written over/);
    expect(readFileSync(join(taken.saveDir, 'clinic.key'), 'utf8')).toBe('keep me');
    expect((await view(taken)).keyId).toBeNull();

    const app = startTestApp();
    const made = value(await app.call('shared-records:create-key')) as { saved: true; path: string; keyId: string };
    expect(made).toMatchObject({ saved: true, path: join(app.saveDir, 'clinic.key') });
    expect((await readClinicKey(made.path)).keyId).toBe(made.keyId);
    expect((await view(app)).keyId).toBe(made.keyId);
    // A second key would split the clinic: this computer already keeps one.
    const again = await app.call('shared-records:create-key');
    expect(!again.ok && again.error.message).toContain(`already keeps the clinic key (key id ${made.keyId})`);
  });

  it("keeps this computer's database password wrapped: never in settings.json, never sent back, never logged", async () => {
    const app = startTestApp();
    const empty = await app.call('shared-records:set-password', { password: '' });
    expect(!empty.ok && empty.error.issues.map((i) => i.path)).toEqual(['password']);
    const saved = await app.call('shared-records:set-password', { password: PASSWORD });
    expect(value(saved)).toMatchObject({ passwordSaved: true });
    const everything = [JSON.stringify(saved), JSON.stringify(await view(app)), existsSync(join(app.dataDir, 'settings.json')) ? settingsFile(app) : '', app.logs.join('\n')];
    for (const text of everything) expect(text).not.toContain(PASSWORD);
    expect(readFileSync(join(app.dataDir, RECORDS_PASSWORD_FILE)).includes(Buffer.from(PASSWORD))).toBe(false);
  });

  it("a clinic configuration imported here keeps this computer's choice of records (an older file has none)", async () => {
    const app = startTestApp();
    const url = 'postgres://clinic_app@db.clinic.local:5432/clinic';
    value(await app.call('shared-records:save', { store: 'postgres', url, caFile: '' }));
    const exported = { kind: 'clinic-estimate-packet/config', version: 5, exportedAt: '2026-11-01T09:00:00.000Z', settings: { clinic: { name: 'Lakeside Spine' } } };
    const imported = await app.call('config:import-apply', { text: JSON.stringify(exported) });
    expect(imported.ok).toBe(true);
    expect(JSON.parse(settingsFile(app)).settings.clinic.name).toBe('Lakeside Spine');
    expect(JSON.parse(settingsFile(app)).settings.sharedRecords).toEqual({ store: 'postgres', url, caFile: '' });
    expect(await view(app)).toMatchObject({ store: 'postgres', url });
  });

  it('the choice is kept in settings and used at the next start (the server named when it cannot be reached)', async () => {
    const app = startTestApp();
    const port = await closedPort();
    const url = `postgres://clinic_app@127.0.0.1:${port}/clinic`;
    const saved = value(await app.call('shared-records:save', { store: 'postgres', url, caFile: '' })) as SharedRecordsView;
    expect(saved).toMatchObject({ source: 'settings', store: 'postgres', url, restartNeeded: true });
    expect(JSON.parse(settingsFile(app)).settings.sharedRecords).toEqual({ store: 'postgres', url, caFile: '' });
    // Still this computer's records until the app starts again.
    expect((value(await app.call('records:status')) as RecordsStatus).available).toBe(true);
    await app.services.close();

    const noKey = startTestApp({ dataDir: app.dataDir });
    const status = value(await noKey.call('records:status')) as RecordsStatus;
    expect(status.reason).toMatch(/no clinic key on this computer.*Settings → Shared records/i);
    value(await noKey.call('shared-records:import-key', { text: (await keyFileText()).text, fileName: 'clinic.key' }));
    await noKey.services.close();

    const again = startTestApp({ dataDir: app.dataDir });
    expect((await view(again)).restartNeeded).toBe(false);
    // The server is down: the shared store opens disconnected (packets wait on this PC), naming the server.
    expect(value(await again.call('records:status')) as RecordsStatus).toMatchObject({ available: true, shared: { server: `127.0.0.1:${port}`, connected: false, waiting: 0 } });
    await again.services.close();
  });
});

describe('Settings -> Shared records with a machine policy', () => {
  it('shows the policy\'s choice and refuses to change the store or the key ("Set by your clinic\'s IT"); the password is still this computer\'s', async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'shared-records-ipc-policy-')), 'clinic.key');
    await createClinicKey(keyFile);
    const url = `postgres://clinic_app@127.0.0.1:${await closedPort()}/clinic`;
    const policy: LoadedPolicy = { file: '/etc/clinic-estimate-packet/policy.json', lock: [], records: { store: 'postgres', url, keyFile } };
    const app = startTestApp({ policy });
    await app.services.records;
    expect(await view(app)).toMatchObject({ source: 'policy', store: 'postgres', url, caFile: '', keyId: (await readClinicKey(keyFile)).keyId, restartNeeded: false });
    for (const [channel, request] of [
      ['shared-records:save', { store: 'local', url: '', caFile: '' }],
      ['shared-records:import-key', { text: (await keyFileText()).text, fileName: 'clinic.key' }],
      ['shared-records:create-key', undefined],
    ] as const) {
      const result = await app.call(channel, request);
      expect(!result.ok && [result.error.code, result.error.message]).toEqual(['settings-read-only', expect.stringContaining("Set by your clinic's IT (machine policy)")]);
    }
    expect(value(await app.call('shared-records:set-password', { password: PASSWORD }))).toMatchObject({ passwordSaved: true });
  });
});
