/**
 * This computer's database password for the shared records server (Settings -> Shared
 * records): kept wrapped by the OS key store in records-password.bin, given to the server when
 * the shared records open, never written in clear. Against the throwaway PostgreSQL (a role with
 * a password, scram-sha-256 for members of clinic_password_users: scripts/pg-test-server.sh):
 * the right password opens the records, a wrong or missing one is said plainly.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createClinicKey, readClinicKey } from './clinic-key';
import { keepClinicKey } from './clinic-key-store';
import { loadRecordsPassword, RECORDS_PASSWORD_FILE, saveRecordsPassword } from './records-password';
import { openSharedRecords, serverName } from './shared-records';
import { pgTestDatabase } from './testing/pg-test-suite';
import { testCipher } from './testing/test-cipher';

const PASSWORD = 'Lumbar-Desk-7 sunrise';

const onThisPc = () => ({ dataDir: mkdtempSync(join(tmpdir(), 'records-password-')), cipher: testCipher(), keepWithoutKeyStore: false });

describe("this computer's database password", () => {
  it('is kept wrapped by the OS key store, never in clear, and read back', async () => {
    const pc = onThisPc();
    expect(await loadRecordsPassword(pc)).toEqual({ ok: true, password: null });
    expect(await saveRecordsPassword(pc, PASSWORD)).toEqual({ ok: true });
    const onDisk = readFileSync(join(pc.dataDir, RECORDS_PASSWORD_FILE));
    expect(onDisk.includes(Buffer.from(PASSWORD))).toBe(false);
    expect(await loadRecordsPassword(pc)).toEqual({ ok: true, password: PASSWORD });
  });

  it('is not kept where the OS has no key store unless the clinic opted in, and says so when it cannot be read', async () => {
    const pc = onThisPc();
    const refused = await saveRecordsPassword({ ...pc, cipher: testCipher(true) }, PASSWORD);
    expect(!refused.ok && refused.reason).toMatch(/no operating-system key store/);
    expect(await loadRecordsPassword(pc)).toEqual({ ok: true, password: null });
    await saveRecordsPassword(pc, PASSWORD);
    const unreadable = await loadRecordsPassword({ ...pc, cipher: testCipher(true) });
    expect(!unreadable.ok && unreadable.reason).toMatch(/database password saved on this computer cannot be read.*Settings → Shared records/);
  });
});

const found = pgTestDatabase('the database password (PostgreSQL)', process.env);
if (found !== null) {
  const db = found;
  /** A role that must give its password (scram-sha-256 for members of clinic_password_users), with a schema of its own (its search path's "$user"). */
  async function passwordRole(): Promise<string> {
    const role = `clinic_pw_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: db().url });
    await admin.connect();
    await admin.query("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_password_users') THEN CREATE ROLE clinic_password_users NOLOGIN; END IF; END $$");
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD}' IN ROLE clinic_password_users`);
    await admin.query(`CREATE SCHEMA ${role} AUTHORIZATION ${role}`);
    await admin.end();
    return role;
  }

  /** This PC set up from Settings: the clinic key kept, the address without the password. */
  async function settingsPc(role: string) {
    const pc = onThisPc();
    const keyFile = join(mkdtempSync(join(tmpdir(), 'records-password-key-')), 'clinic.key');
    await createClinicKey(keyFile);
    await keepClinicKey(pc, await readClinicKey(keyFile));
    const url = new URL(db().url);
    url.username = role;
    return { pc, url: url.toString() };
  }

  describe('the database password (PostgreSQL)', () => {
    it('opens the shared records with the saved password; a wrong or missing one is said plainly, naming the server', async () => {
      const role = await passwordRole();
      const { pc, url } = await settingsPc(role);
      const logs: string[] = [];
      const open = () => openSharedRecords({ store: 'postgres', url }, (line) => logs.push(line), pc);
      const server = serverName(url);

      const missing = await open();
      expect(!missing.ok && missing.reason).toContain(`The shared records server ${server} asks for this computer's database password. Enter it in Settings → Shared records, or ask IT.`);

      await saveRecordsPassword(pc, 'not the password');
      const wrong = await open();
      expect(!wrong.ok && wrong.reason).toContain(`The shared records server ${server} did not accept this computer's database password. Enter it again in Settings → Shared records, or ask IT.`);

      await saveRecordsPassword(pc, PASSWORD);
      const opened = await open();
      expect(opened.ok).toBe(true);
      if (opened.ok) await opened.store.close();
      expect(logs.join('\n')).not.toContain(PASSWORD);
      expect(logs.join('\n')).not.toContain('not the password');
    });
  });
}
