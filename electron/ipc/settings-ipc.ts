/** The settings feature: read and change the clinic's settings; every change is pushed to the window. */
import type { LockableSetting } from '../../core/policy';
import type { Settings } from '../../core/settings';
import { lockedPartsTouched, lockRefusal } from '../../core/settings-lock';
import { fail, ok, type Result } from '../../core/result';
import type { SettingsService } from '../services/settings-service';
import { checkLogoChange } from '../services/clinic-logo';
import type { AuditLog } from '../services/audit-log';
import type { FeatureHandlers } from './dispatch';
import { orWriteFailed } from './save-outcome';

export interface SettingsIpcDeps {
  settings: SettingsService;
  settingsChanged: (settings: Settings) => void;
  /** Every change is in the audit trail (what changed is not: it may name people). */
  audit?: AuditLog;
  /** The parts of Settings the machine policy locks (none without a policy). */
  locked?: readonly LockableSetting[];
}

/** A change to settings groups the machine policy locks is refused, naming the parts. */
export function refuseIfLocked(groups: readonly string[], locked: readonly LockableSetting[] | undefined): Result<never> | null {
  const touched = lockedPartsTouched(groups, locked ?? []);
  if (touched.length === 0) return null;
  const { message, issues } = lockRefusal(touched);
  return fail('settings-locked', message, issues);
}

/** Settings from a newer app are kept untouched: changes are refused, saying why. */
export function refuseIfReadOnly(settings: Pick<SettingsService, 'readOnlyReason'>): Result<never> | null {
  return settings.readOnlyReason === null ? null : fail('settings-read-only', settings.readOnlyReason);
}

export function createSettingsHandlers(deps: SettingsIpcDeps): FeatureHandlers<'settings:get' | 'settings:update' | 'settings:retry-read'> {
  const state = () => ({ settings: deps.settings.get(), notice: deps.settings.notice, canRetry: deps.settings.canRetry, locked: [...(deps.locked ?? [])] });
  return {
    'settings:get': async () => ok(state()),
    // Try again on the notice: a file that can be read now replaces the stand-in defaults everywhere.
    'settings:retry-read': async () => {
      if (deps.settings.canRetry && deps.settings.retryRead()) deps.settingsChanged(deps.settings.get());
      return ok(state());
    },
    'settings:update': async (patch) => {
      const refused = refuseIfReadOnly(deps.settings) ?? refuseIfLocked(Object.keys(patch), deps.locked);
      if (refused) return refused;
      const checked = checkLogoChange(patch, deps.settings.get().clinic.logoDataUrl);
      if (!checked.ok) return checked;
      const saved = await orWriteFailed('The settings could not be saved', () => deps.settings.update(checked.value));
      if (!saved.ok) return saved;
      const next = saved.value;
      await deps.audit?.record('settings-changed', Object.keys(patch).sort().join(','));
      deps.settingsChanged(next);
      return ok(next);
    },
  };
}
