import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, policyFile, PolicyError } from './policy';
import { describeStartupFailure } from './startup-failure';

const folder = () => mkdtempSync(join(tmpdir(), 'policy-'));
function written(text: string): string {
  const file = join(folder(), 'policy.json');
  writeFileSync(file, text);
  return file;
}
async function failure(file: string): Promise<PolicyError> {
  const error: unknown = await loadPolicy(file).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PolicyError)) throw new Error('expected a PolicyError');
  return error;
}
const paths = { appRoot: '/opt/clinic/app.asar', dataDir: '/home/frontdesk/.config/clinic' };

describe('where the machine policy lives', () => {
  it('is a fixed place per OS', () => {
    expect(policyFile('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Clinic Estimate & Packet\\policy.json');
    expect(policyFile('win32', {})).toBe('C:\\ProgramData\\Clinic Estimate & Packet\\policy.json');
    expect(policyFile('darwin', {})).toBe('/Library/Application Support/Clinic Estimate & Packet/policy.json');
    expect(policyFile('linux', { ProgramData: '/tmp' })).toBe('/etc/clinic-estimate-packet/policy.json');
  });
});

describe('loading the machine policy', () => {
  it('gives no policy when there is no file', async () => {
    expect(await loadPolicy(join(folder(), 'policy.json'))).toBeNull();
  });

  it("resolves the policy's paths against its own folder, absolute ones kept", async () => {
    const file = written(
      JSON.stringify({
        records: { store: 'postgres', url: 'postgres://app@db/clinic', keyFile: 'keys/clinic.key', caFile: '/etc/ssl/clinic-ca.pem' },
        configuration: '../shared/clinic.json',
        lock: ['feeSchedule'],
      }),
    );
    const dir = join(file, '..');
    const configuration = join(dir, '..', 'shared', 'clinic.json');
    mkdirSync(join(dir, '..', 'shared'), { recursive: true });
    writeFileSync(configuration, '{ "kind": "clinic-configuration" }');
    expect(await loadPolicy(file)).toEqual({
      file,
      records: { store: 'postgres', url: 'postgres://app@db/clinic', keyFile: join(dir, 'keys', 'clinic.key'), caFile: '/etc/ssl/clinic-ca.pem' },
      configuration: {
        file: configuration,
        text: '{ "kind": "clinic-configuration" }',
        sha256: createHash('sha256').update('{ "kind": "clinic-configuration" }').digest('hex'),
      },
      lock: ['feeSchedule'],
    });
  });

  it('names the clinic configuration file it names when that cannot be read, at start-up', async () => {
    const file = written(JSON.stringify({ configuration: 'missing-clinic.json' }));
    const error = await failure(file);
    expect(error.part).toBe('configuration');
    expect(error.file).toBe(join(file, '..', 'missing-clinic.json'));
    const shown = describeStartupFailure(error, paths);
    expect(shown.message).toContain(join(file, '..', 'missing-clinic.json'));
    expect(shown.message).toMatch(/clinic configuration file that IT's machine policy names for this computer could not be read \(it does not exist: ENOENT\)/);
  });

  it('refuses a file that is not JSON, naming the file at start-up', async () => {
    const file = written('{ "records": ');
    const error = await failure(file);
    expect(error.problem).toBe('not-json');
    const shown = describeStartupFailure(error, paths);
    expect(shown.title).toBe('Clinic Estimate & Packet could not start');
    expect(shown.message).toContain(file);
    expect(shown.message).toMatch(/machine policy.*not valid JSON/);
    expect(shown.message).toMatch(/Ask IT/);
  });

  it('refuses a policy that fails the schema, naming the file and the field, never the password', async () => {
    const file = written(JSON.stringify({ records: { store: 'postgres', url: 'postgres://app:Hunter2-pw@db/clinic', keyFile: 'k' } }));
    const error = await failure(file);
    expect(error.problem).toBe('invalid');
    expect(error.issues.map((i) => i.path)).toEqual(['records.url']);
    const shown = describeStartupFailure(error, paths);
    expect(shown.message).toContain(file);
    expect(shown.message).toMatch(/records\.url: Remove the password/);
    expect(JSON.stringify([shown, error.message])).not.toContain('Hunter2-pw');
  });

  it('refuses a policy it cannot read (a folder where the file should be)', async () => {
    const file = join(folder(), 'policy.json');
    mkdirSync(file);
    const error = await failure(file);
    expect([error.problem, error.code]).toEqual(['unreadable', 'EISDIR']);
    expect(describeStartupFailure(error, paths).message).toMatch(/could not be read \(a folder is where a file should be: EISDIR\)/);
  });
});
