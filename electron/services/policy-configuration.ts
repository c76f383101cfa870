/**
 * The clinic configuration a machine policy names (policy.json `configuration`: a file exported
 * from Settings) applied at start. The whole file is applied when it is new to this PC or has
 * changed since it was last applied (its SHA-256 is noted in policy-configuration.json in the
 * data folder), so staff can still change what IT did not lock; what the policy locks is put
 * back to the file's values at every start. This PC's records choice (Settings -> Shared
 * records) is never taken from the file. A file that is not a clinic configuration stops
 * start-up, naming it (PolicyError, part "configuration").
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LockableSetting } from '../../core/policy';
import type { MigrationContext } from '../../core/settings-migrations';
import { keepLockedParts, lockedPartsDiffering } from '../../core/settings-lock';
import { checkedConfig } from '../ipc/config-ipc';
import { PolicyError, type PolicyConfigurationFile } from './policy';
import type { SettingsService } from './settings-service';

/** In the data folder: which configuration file was last applied whole, and when. */
export const POLICY_CONFIGURATION_STATE = 'policy-configuration.json';

export type PolicyConfigurationOutcome =
  /** New or changed: the whole file replaced the settings (this PC's records choice kept). */
  | 'applied'
  /** Already applied: only the locked parts, changed since (by hand), were put back. */
  | 'locked-restored'
  | 'unchanged'
  /** The settings file is from a newer app (read-only): left as it is. */
  | 'settings-read-only';

export interface PolicyConfigurationDeps {
  configuration: PolicyConfigurationFile;
  dataDir: string;
  settings: SettingsService;
  migration: MigrationContext;
  locked: readonly LockableSetting[];
  now: () => Date;
}

function lastApplied(dataDir: string): string | null {
  try {
    const state: unknown = JSON.parse(readFileSync(join(dataDir, POLICY_CONFIGURATION_STATE), 'utf8'));
    return typeof state === 'object' && state !== null && 'sha256' in state && typeof state.sha256 === 'string' ? state.sha256 : null;
  } catch {
    // None yet, or unreadable: the file is applied (again), which is what IT asked for.
    return null;
  }
}

function noteApplied(deps: PolicyConfigurationDeps): void {
  const file = join(deps.dataDir, POLICY_CONFIGURATION_STATE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ file: deps.configuration.file, sha256: deps.configuration.sha256, appliedAt: deps.now().toISOString() }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** Throws PolicyError when the file is not a usable clinic configuration; settings write errors propagate. */
export function applyPolicyConfiguration(deps: PolicyConfigurationDeps): PolicyConfigurationOutcome {
  const { file, text } = deps.configuration;
  try {
    JSON.parse(text);
  } catch {
    throw new PolicyError({ file, problem: 'not-json', part: 'configuration' });
  }
  const current = deps.settings.get();
  const parsed = checkedConfig(text, current, { migration: deps.migration });
  if (!parsed.ok) {
    const issues = parsed.error.issues.length > 0 ? parsed.error.issues : [{ path: 'configuration', message: parsed.error.message }];
    throw new PolicyError({ file, problem: 'invalid', issues, part: 'configuration' });
  }
  if (deps.settings.readOnlyReason !== null) return 'settings-read-only';
  const fromFile = parsed.value.settings;
  // New or changed, or the settings file was damaged and moved aside (the app started on defaults).
  if (lastApplied(deps.dataDir) !== deps.configuration.sha256 || deps.settings.notice !== null) {
    deps.settings.replace(fromFile);
    noteApplied(deps);
    return 'applied';
  }
  if (lockedPartsDiffering(current, fromFile, deps.locked).length === 0) return 'unchanged';
  deps.settings.replace(keepLockedParts(current, fromFile, deps.locked));
  return 'locked-restored';
}
