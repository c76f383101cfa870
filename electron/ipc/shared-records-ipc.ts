/**
 * Settings → Shared records: which records store this PC uses and where that comes from (the
 * machine policy IT set: read-only here; or this PC's Settings), the clinic key (imported from
 * the key file's text, or made on the first PC and saved for the others, never over a file),
 * and this PC's database password. The key and the password are kept wrapped by the OS key
 * store (clinic-key-store.ts, records-password.ts); the window only ever learns the key's id and
 * whether a password is saved. The choice is used from the next start of the app.
 */
import { accessSync, constants } from 'node:fs';
import { rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { SharedRecordsView } from '../../core/ipc/contract';
import type { LockableSetting, RecordsPolicy } from '../../core/policy';
import { fail, ok, type Result } from '../../core/result';
import { sharedRecordsPolicy, type Settings, type SharedRecordsSettings } from '../../core/settings';
import type { AuditLog } from '../services/audit-log';
import { ClinicKeyError, clinicKeyFileText, newClinicKey, parseClinicKeyText } from '../services/records/clinic-key';
import { keepClinicKey, keptClinicKeyId, WRAPPED_CLINIC_KEY_FILE } from '../services/records/clinic-key-store';
import { hasRecordsPassword, saveRecordsPassword } from '../services/records/records-password';
import type { SecretStoreOptions } from '../services/records/wrapped-secret';
import type { SettingsService } from '../services/settings-service';
import type { FeatureHandlers } from './dispatch';
import { orWriteFailed, type SaveOutcome } from './save-outcome';
import { refuseIfLocked, refuseIfReadOnly } from './settings-ipc';

export interface SharedRecordsIpcDeps {
  settings: SettingsService;
  settingsChanged: (settings: Settings) => void;
  audit?: AuditLog;
  /** The machine policy's records part, when IT set one: the store and the key are then read-only here. */
  policyRecords?: RecordsPolicy;
  /** The records policy the app started with (undefined: this PC's own records). */
  recordsStartedWith?: RecordsPolicy;
  /** Where the key and the password are kept (read at each use: the key-store opt-in may change). */
  secrets: () => SecretStoreOptions;
  /** The save dialog for a new clinic key file; the write refuses (ClinicKeyError "exists") to replace a file. */
  saveKeyFile: (suggestedName: string, body: string) => Promise<SaveOutcome>;
  /** The parts of Settings the machine policy locks: with sharedRecords, this PC's choice and key are read-only. */
  locked?: readonly LockableSetting[];
}

export const SET_BY_POLICY = "Set by your clinic's IT (machine policy): the records store, its server and the clinic key cannot be changed on this computer.";
const KEY_FILE_NAME = 'clinic.key';

type Channels = 'shared-records:get' | 'shared-records:save' | 'shared-records:import-key' | 'shared-records:create-key' | 'shared-records:set-password';

const samePolicy = (a: RecordsPolicy | undefined, b: RecordsPolicy | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A certificate authority file must be a full path this PC can read (it is read at each start). */
function caFileProblem(caFile: string): string | null {
  if (caFile === '') return null;
  if (!isAbsolute(caFile)) return 'Give the full path of the certificate authority file (PEM) IT gave you, like C:\\Clinic\\clinic-ca.pem.';
  try {
    accessSync(caFile, constants.R_OK);
    return null;
  } catch {
    return 'This file cannot be read on this computer. Check the path of the certificate authority file (PEM) IT gave you.';
  }
}

export function createSharedRecordsHandlers(deps: SharedRecordsIpcDeps): FeatureHandlers<Channels> {
  // A key or password given since the start is used from the next one, like a new choice.
  let secretsChanged = false;
  const lockedHere = deps.locked?.includes('sharedRecords') === true;
  const chosen = (): SharedRecordsSettings =>
    deps.policyRecords === undefined
      ? deps.settings.get().sharedRecords
      : { store: deps.policyRecords.store, url: deps.policyRecords.url ?? '', caFile: deps.policyRecords.caFile ?? '' };
  const view = async (): Promise<SharedRecordsView> => {
    const current = chosen();
    const inUse = deps.policyRecords ?? sharedRecordsPolicy(current);
    const choiceChanged = deps.policyRecords === undefined && !samePolicy(inUse, deps.recordsStartedWith);
    return {
      source: deps.policyRecords === undefined && !lockedHere ? 'settings' : 'policy',
      ...current,
      keyId: await keptClinicKeyId(deps.secrets()),
      passwordSaved: hasRecordsPassword(deps.secrets()),
      restartNeeded: choiceChanged || (secretsChanged && inUse?.store === 'postgres'),
    };
  };
  const refused = (): Result<never> | null =>
    deps.policyRecords === undefined ? (refuseIfLocked(['sharedRecords'], deps.locked) ?? refuseIfReadOnly(deps.settings)) : fail('settings-read-only', SET_BY_POLICY);
  const keep = async (key: ReturnType<typeof newClinicKey>): Promise<Result<null>> => {
    const kept = await orWriteFailed('The clinic key could not be kept on this computer', () => keepClinicKey(deps.secrets(), key));
    if (!kept.ok) return kept;
    if (!kept.value.ok) return fail('write-failed', kept.value.reason);
    secretsChanged = true;
    return ok(null);
  };

  return {
    'shared-records:get': async () => ok(await view()),
    'shared-records:save': async (choice) => {
      const refusal = refused();
      if (refusal) return refusal;
      const problem = choice.store === 'postgres' ? caFileProblem(choice.caFile) : null;
      if (problem !== null) return fail('invalid-input', 'Some details need fixing.', [{ path: 'caFile', message: problem }]);
      const saved = await orWriteFailed('The shared records choice could not be saved', () => deps.settings.update({ sharedRecords: choice }));
      if (!saved.ok) return saved;
      await deps.audit?.record('settings-changed', 'sharedRecords');
      deps.settingsChanged(saved.value);
      return ok(await view());
    },
    'shared-records:import-key': async ({ text, fileName }) => {
      const refusal = refused();
      if (refusal) return refusal;
      let key: ReturnType<typeof parseClinicKeyText>;
      try {
        key = parseClinicKeyText(text, fileName.trim() === '' ? 'The chosen file' : fileName);
      } catch (error) {
        if (!(error instanceof ClinicKeyError)) throw error;
        return fail('invalid-input', `${error.message} Nothing was kept.`, [{ path: 'text', message: error.message }]);
      }
      const kept = await keep(key);
      return kept.ok ? ok(await view()) : kept;
    },
    'shared-records:create-key': async () => {
      const refusal = refused();
      if (refusal) return refusal;
      const already = await keptClinicKeyId(deps.secrets());
      if (already !== null) {
        return fail(
          'invalid-input',
          `This computer already keeps the clinic key (key id ${already}). A second key would leave the computers unable to read each other's records: give the other computers the key file saved when this one was made, or ask IT.`,
        );
      }
      const key = newClinicKey();
      // Kept first, so a key file never exists that this PC cannot use; taken back if the file is not saved.
      const kept = await keep(key);
      if (!kept.ok) return kept;
      const forget = () => rm(join(deps.secrets().dataDir, WRAPPED_CLINIC_KEY_FILE), { force: true });
      try {
        const saved = await deps.saveKeyFile(KEY_FILE_NAME, clinicKeyFileText(key.key));
        if (!saved.saved) {
          await forget();
          return ok({ saved: false });
        }
        return ok({ saved: true, path: saved.path, keyId: key.keyId });
      } catch (error) {
        await forget();
        if (error instanceof ClinicKeyError) return fail('write-failed', `${error.message} No clinic key was made.`);
        throw error;
      }
    },
    'shared-records:set-password': async ({ password }) => {
      const saved = await orWriteFailed('The database password could not be saved', () => saveRecordsPassword(deps.secrets(), password));
      if (!saved.ok) return saved;
      if (!saved.value.ok) return fail('write-failed', saved.value.reason);
      secretsChanged = true;
      await deps.audit?.record('settings-changed', 'sharedRecords.password');
      return ok(await view());
    },
  };
}
