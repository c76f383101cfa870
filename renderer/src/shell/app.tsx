/**
 * The app shell: header with the app name, the records waiting to be shared (shared records
 * only), a nav between the screens, a notice area, and the screens. Loads settings and the saved draft first, then marks the page ready
 * (html[data-ready="true"]) for tests and tools.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import type { LockableSetting } from '../../../core/policy';
import type { Settings } from '../../../core/settings';
import { fromDraft, initialValues } from '../estimate/form-model';
import { EstimateScreen } from '../estimate/estimate-screen';
import { rememberedPreparedBy } from '../estimate/prepared-by-store';
import { revisionStart, type EstimateStart } from '../estimate/revision';
import { LeaveSettingsDialog } from '../settings/leave-settings-dialog';
import type { SettingsFocus } from '../settings/settings-screen';
import { useLeaveSettings } from '../settings/use-leave-settings';
import { Notice } from './notice';
import { PrivacyScreen } from './privacy-screen';
import { SharingStatus } from './sharing-status';

type Screen = 'estimate' | 'records' | 'settings';

// Past estimates and Settings are loaded after the form is ready (their own chunks): the form
// staff see first starts sooner. They are fetched in the background once the page is ready,
// so opening them does not wait either.
const loadRecordsScreen = () => import('../records/records-screen');
const loadSettingsScreen = () => import('../settings/settings-screen');
const RecordsScreen = lazy(() => loadRecordsScreen().then((m) => ({ default: m.RecordsScreen })));
const SettingsScreen = lazy(() => loadSettingsScreen().then((m) => ({ default: m.SettingsScreen })));

interface Loaded {
  settings: Settings;
  procedure: ProcedureDefinition;
  notice: string | null;
  /** The settings file could not be read: the notice offers Try again. */
  canRetry: boolean;
  /** The parts of Settings the machine policy locks. */
  locked: LockableSetting[];
  initial: EstimateStart;
}

/** After Try again: what the notice says now. */
function retriedNotice(state: { notice: string | null; canRetry: boolean }): string | null {
  if (state.canRetry) return `Tried again: still not readable. ${state.notice ?? ''}`;
  return state.notice ?? 'The settings file was read. The clinic’s own settings are in use now.';
}

async function load(): Promise<Loaded | string> {
  if (typeof window.clinic === 'undefined') return 'The app could not connect to its data. Close it and open it again.';
  const [settingsResult, proceduresResult, draftResult] = await Promise.all([
    window.clinic.settings.get(),
    window.clinic.procedures.list(),
    window.clinic.draft.get(),
  ]);
  if (!settingsResult.ok) return settingsResult.error.message;
  if (!proceduresResult.ok) return proceduresResult.error.message;
  // The catalog lists its primary procedure first: the one the form estimates.
  const procedure = proceduresResult.value[0];
  if (procedure === undefined) return 'The app has no procedure to estimate. Reinstall it, or ask IT.';
  const { settings, notice, canRetry, locked } = settingsResult.value;
  const draft = draftResult.ok ? draftResult.value : null;
  const preparedBy = rememberedPreparedBy();
  const initial: EstimateStart = draft
    ? { ...fromDraft(draft, settings.defaults, procedure, preparedBy), restored: true }
    : { values: initialValues(settings.defaults, preparedBy), edited: new Set(), restored: false, revising: null };
  const draftNotice = draftResult.ok ? null : `The saved draft could not be read: ${draftResult.error.message}`;
  return { settings, procedure, notice: notice ?? draftNotice, canRetry, locked, initial };
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded | string | null>(null);
  const [screen, setScreen] = useState<Screen>('estimate');
  const [settingsFocus, setSettingsFocus] = useState<SettingsFocus>(null);
  // Revise (Past estimates) opens the form anew, filled from the record.
  const [revision, setRevision] = useState<{ key: number; start: EstimateStart } | null>(null);
  const [formInUse, setFormInUse] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const { registry: settingsSections, leaveSettings, dialog: leaveDialog } = useLeaveSettings(screen === 'settings');

  useEffect(() => {
    let live = true;
    void load().then((l) => live && setLoaded(l));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (loaded === null) return;
    document.documentElement.dataset['ready'] = 'true';
    void loadRecordsScreen();
    void loadSettingsScreen();
  }, [loaded]);

  useEffect(() => {
    if (typeof window.clinic === 'undefined') return;
    return window.clinic.settings.onChanged((settings) =>
      setLoaded((l) => (l !== null && typeof l !== 'string' ? { ...l, settings } : l)),
    );
  }, []);

  const updateSettings = useCallback((settings: Settings) => {
    setLoaded((l) => (l !== null && typeof l !== 'string' ? { ...l, settings } : l));
  }, []);

  const retryRead = useCallback(async () => {
    setRetrying(true);
    const r = await window.clinic.settings.retryRead();
    setRetrying(false);
    setLoaded((l) => {
      if (l === null || typeof l === 'string') return l;
      if (!r.ok) return { ...l, notice: `Tried again: ${r.error.message}` };
      return { ...l, settings: r.value.settings, notice: retriedNotice(r.value), canRetry: r.value.canRetry };
    });
  }, []);

  const go = (next: Screen, focus: SettingsFocus = null) => {
    const open = () => {
      setSettingsFocus(focus);
      setScreen(next);
    };
    // Leaving Settings with unsaved sections asks first.
    if (next === 'settings') open();
    else leaveSettings(open);
  };

  return (
    <>
      <header className="app-header">
        <p className="app-header__name">Clinic Estimate &amp; Packet</p>
        <SharingStatus />
        <nav aria-label="Screens" className="app-nav">
          <button type="button" className="app-nav__item" aria-current={screen === 'estimate' ? 'page' : undefined} onClick={() => go('estimate')}>
            New estimate
          </button>
          <button type="button" className="app-nav__item" aria-current={screen === 'records' ? 'page' : undefined} onClick={() => go('records')}>
            Past estimates
          </button>
          <button type="button" className="app-nav__item" aria-current={screen === 'settings' ? 'page' : undefined} onClick={() => go('settings')}>
            Settings
          </button>
        </nav>
      </header>
      <main className="app-main">
        {loaded === null ? <p className="loading">Loading…</p> : null}
        {typeof loaded === 'string' ? (
          <p role="alert" className="alert">
            {loaded}
          </p>
        ) : null}
        {loaded !== null && typeof loaded !== 'string' ? (
          <>
            {loaded.notice ? (
              <Notice
                text={loaded.notice}
                onDismiss={() => setLoaded({ ...loaded, notice: null })}
                {...(loaded.canRetry ? { onRetry: () => void retryRead(), retrying } : {})}
              />
            ) : null}
            <div hidden={screen !== 'estimate'}>
              <EstimateScreen
                key={revision?.key ?? 0}
                settings={loaded.settings}
                procedure={loaded.procedure}
                initial={revision?.start ?? loaded.initial}
                onOpenSettings={(focus) => go('settings', focus)}
                onInUseChange={setFormInUse}
              />
            </div>
            <Suspense fallback={<p className="loading">Loading…</p>}>
            {screen === 'records' ? (
              <RecordsScreen
                retentionYears={loaded.settings.records.retentionYears}
                formInUse={formInUse}
                onRevise={(record, row) => {
                  setRevision((r) => ({ key: (r?.key ?? 0) + 1, start: revisionStart(record, row, loaded.settings.defaults, rememberedPreparedBy()) }));
                  go('estimate');
                }}
              />
            ) : null}
            {screen === 'settings' ? (
              <SettingsScreen procedure={loaded.procedure} settings={loaded.settings} focus={settingsFocus} onSaved={updateSettings} sections={settingsSections} locked={loaded.locked} />
            ) : null}
            </Suspense>
            <LeaveSettingsDialog sections={leaveDialog.sections} onSaveAll={() => void leaveDialog.onSaveAll()} onDiscard={leaveDialog.onDiscard} onStay={leaveDialog.onStay} />
            <PrivacyScreen idleMinutes={loaded.settings.records.idleMinutes} />
          </>
        ) : null}
      </main>
    </>
  );
}
