import { describe, expect, it } from 'vitest';
import { lockableSettings, parsePolicy } from './policy';

const issuesOf = (value: unknown) => {
  const parsed = parsePolicy(value);
  return parsed.ok ? [] : parsed.issues;
};

describe('machine policy schema', () => {
  it('accepts the full policy and an empty one', () => {
    const full = {
      records: { store: 'postgres', url: 'postgres://clinic_app@db.clinic.local:5432/clinic', keyFile: 'clinic.key', caFile: 'ca.pem' },
      configuration: 'clinic-configuration.json',
      lock: [...lockableSettings],
    };
    expect(parsePolicy(full)).toEqual({ ok: true, value: full });
    expect(parsePolicy({})).toEqual({ ok: true, value: { lock: [] } });
    expect(parsePolicy({ records: { store: 'local' } })).toEqual({ ok: true, value: { records: { store: 'local' }, lock: [] } });
    expect(parsePolicy({ records: { store: 'postgres', url: 'postgresql://app@10.0.0.5/clinic', keyFile: 'k' } }).ok).toBe(true);
  });

  it('refuses unknown keys, naming each by its field', () => {
    expect(issuesOf({ record: {}, lock: [] })).toEqual([{ path: 'record', message: expect.stringMatching(/not a policy setting/) }]);
    expect(issuesOf({ records: { store: 'local', keyfile: 'x' } })).toEqual([{ path: 'records.keyfile', message: expect.stringMatching(/not a policy setting/) }]);
  });

  it('refuses a password in the address, without repeating it, and says where passwords go', () => {
    for (const url of ['postgres://app:Secret-pw@db/clinic', 'postgres://app@db/clinic?password=Secret-pw', 'postgres://app@db/clinic?sslpassword=Secret-pw']) {
      const issues = issuesOf({ records: { store: 'postgres', url, keyFile: 'k' } });
      expect(issues).toEqual([{ path: 'records.url', message: expect.stringMatching(/password.*Settings.*never in the policy/i) }]);
      expect(JSON.stringify(issues)).not.toContain('Secret-pw');
    }
  });

  it('refuses addresses that are not postgres:// or postgresql://', () => {
    for (const url of ['mysql://app@db/clinic', 'db.clinic.local:5432', 'postgres:///clinic', '']) {
      expect(issuesOf({ records: { store: 'postgres', url, keyFile: 'k' } })).toEqual([{ path: 'records.url', message: expect.stringMatching(/postgres:\/\/user@host:5432\/database/) }]);
    }
  });

  it('keeps TLS settings out of the address (the driver would let them override caFile)', () => {
    for (const url of ['postgres://app@db/clinic?sslmode=disable', 'postgres://app@db/clinic?ssl=0', 'postgres://app@db/clinic?SSLROOTCERT=/tmp/x']) {
      expect(issuesOf({ records: { store: 'postgres', url, keyFile: 'k', caFile: 'ca.pem' } })).toEqual([{ path: 'records.url', message: expect.stringMatching(/records\.caFile/) }]);
    }
    expect(parsePolicy({ records: { store: 'postgres', url: 'postgres://app@db/clinic?application_name=frontdesk', keyFile: 'k' } }).ok).toBe(true);
  });

  it('needs url and keyFile for the PostgreSQL store', () => {
    expect(issuesOf({ records: { store: 'postgres' } })).toEqual([
      { path: 'records.url', message: expect.stringMatching(/server's address/) },
      { path: 'records.keyFile', message: expect.stringMatching(/clinic key file/) },
    ]);
  });

  it('names the field of a wrong store, lock entry or configuration', () => {
    expect(issuesOf({ records: { store: 'sqlite' } })).toEqual([{ path: 'records.store', message: 'Use "local" (records kept on this computer) or "postgres" (the clinic\'s server).' }]);
    expect(issuesOf({ lock: ['clinic', 'printer'] })).toEqual([{ path: 'lock.1', message: expect.stringMatching(/^Use one of: clinic, otherProviders, /) }]);
    expect(issuesOf({ configuration: '' })).toEqual([{ path: 'configuration', message: expect.stringMatching(/path of a clinic configuration file/) }]);
    expect(issuesOf([])).toEqual([{ path: '(input)', message: expect.stringMatching(/JSON object/) }]);
    expect(issuesOf({ lock: 'clinic', records: 'postgres' })).toEqual([
      { path: 'records', message: 'Give records as an object, for example { "store": "local" }.' },
      { path: 'lock', message: 'Give lock as a list, for example ["clinic", "feeSchedule"].' },
    ]);
  });
});
