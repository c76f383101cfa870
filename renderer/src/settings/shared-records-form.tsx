/**
 * Settings → Shared records: where this computer keeps issued estimates (only here, or on the
 * clinic's shared server, so every front desk finds them in Past estimates) and where that choice
 * comes from. Set by the machine policy, it is shown read-only, saying so. The clinic key and this
 * computer's database password are in shared-records-secrets.tsx. Core's
 * sharedRecordsSettingsSchema checks the address; its messages show at the field. Used from the
 * next start of the app.
 */
import { useEffect, useState } from 'react';
import type { SharedRecordsView } from '../../../core/ipc/contract';
import { sharedRecordsSettingsSchema, type Settings, type SharedRecordsSettings } from '../../../core/settings';
import { FieldShell, SelectField, TextField } from '../lib/field-controls';
import { SaveRow, UnsavedMark, type SaveState } from './save-row';
import { refuseAtField } from './save-settings-group';
import { fieldErrors, type FieldErrors } from './settings-fields';
import { SharedRecordsSecrets } from './shared-records-secrets';
import type { SaveOutcome } from './unsaved-sections';
import { useUnsavedSection } from './use-unsaved-section';

type Store = SharedRecordsSettings['store'];
const storeLabels: Record<Store, string> = { local: 'Only this computer', postgres: "The clinic's shared server" };
const storeChoices = (Object.keys(storeLabels) as Store[]).map((value) => ({ value, label: storeLabels[value] }));
const fieldIds = { url: 'set-shared-url', caFile: 'set-shared-ca' } as const;
type ChoiceErrors = FieldErrors<'url' | 'caFile'>;

export const SET_BY_IT = "Set by your clinic's IT (machine policy)";

const choiceOf = (view: SharedRecordsView): SharedRecordsSettings => ({ store: view.store, url: view.url, caFile: view.caFile });

/** A value set by the machine policy: shown, not changeable, saying why. */
function PolicyValue({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <FieldShell id={id} label={label} hint={SET_BY_IT}>
      {(aria) => <input id={id} className="input input--long" type="text" value={value} readOnly {...aria} />}
    </FieldShell>
  );
}

export function SharedRecordsForm({ onSaved }: { onSaved: (s: Settings) => void }) {
  const [view, setView] = useState<SharedRecordsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [local, setLocal] = useState<SharedRecordsSettings>({ store: 'local', url: '', caFile: '' });
  const [shown, setShown] = useState<ChoiceErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    void window.clinic.sharing.get().then((r) => {
      if (!r.ok) return setLoadError(r.error.message);
      setView(r.value);
      setLocal(choiceOf(r.value));
    });
  }, []);

  const dirty = view !== null && view.source === 'settings' && JSON.stringify(local) !== JSON.stringify(choiceOf(view));
  // Checked on Save, not when a field is left: the address's long messages would move the Save
  // button as it is clicked. A field's message goes once it is changed.
  const set = <K extends keyof SharedRecordsSettings>(name: K, value: SharedRecordsSettings[K]) => {
    setLocal((l) => ({ ...l, [name]: value }));
    setShown((s) => ({ ...s, [name]: undefined }));
    setSave({ kind: 'idle' });
  };
  const check = (choice: SharedRecordsSettings): ChoiceErrors => fieldErrors(sharedRecordsSettingsSchema, choice, ['url', 'caFile']);

  const submit = async (): Promise<SaveOutcome> => {
    const errors = check(local);
    setShown(errors);
    if (errors.url !== undefined) return refuseAtField(fieldIds.url, setSave);
    setSave({ kind: 'saving' });
    const r = await window.clinic.sharing.save(local);
    if (!r.ok) {
      const at = Object.fromEntries(r.error.issues.map((i) => [i.path, i.message])) as ChoiceErrors;
      setShown(at);
      const first = (['url', 'caFile'] as const).find((name) => at[name] !== undefined);
      if (first !== undefined) return refuseAtField(fieldIds[first], setSave);
      setSave({ kind: 'error', message: r.error.message });
      return { kind: 'failed' };
    }
    setView(r.value);
    setLocal(choiceOf(r.value));
    const settings = await window.clinic.settings.get();
    if (settings.ok) onSaved(settings.value.settings);
    setSave({ kind: 'saved', message: r.value.restartNeeded ? 'Saved. Restart the app to use this choice.' : 'Saved. This is the choice in use.' });
    return { kind: 'saved' };
  };
  // Leaving Settings asks about an unsaved choice, as for every other section.
  useUnsavedSection('sharedRecords', 'Shared records', dirty, submit);

  const heading = (
    <h2 id="shared-records-heading">
      Shared records
      <UnsavedMark dirty={dirty} />
    </h2>
  );
  const intro = (
    <p className="card__intro">
      Where this computer keeps issued estimates: only here, or on the clinic&apos;s shared server, so every front desk finds them in Past estimates.
    </p>
  );
  if (view === null) {
    return (
      <section className="card shared-records" aria-labelledby="shared-records-heading">
        {heading}
        {intro}
        {loadError === null ? <p>Loading…</p> : <p className="alert">{loadError}</p>}
      </section>
    );
  }

  const fromPolicy = view.source === 'policy';
  const shared = (fromPolicy ? view.store : local.store) === 'postgres';
  return (
    <section className="card shared-records" aria-labelledby="shared-records-heading">
      {heading}
      {intro}
      <div className="group__stack">
        {fromPolicy ? (
          <>
            <p className="shared-records__source">
              <strong>{SET_BY_IT}.</strong> The store, its server and the clinic key cannot be changed on this computer. Ask IT to change them.
            </p>
            <PolicyValue id="set-shared-store" label="Where issued estimates are kept" value={storeLabels[view.store]} />
            {shared ? <PolicyValue id={fieldIds.url} label="Server address" value={view.url} /> : null}
            {shared && view.caFile !== '' ? <PolicyValue id={fieldIds.caFile} label="Certificate authority file" value={view.caFile} /> : null}
          </>
        ) : (
          <>
            <p className="shared-records__source">Chosen in this computer&apos;s Settings.</p>
            <SelectField id="set-shared-store" label="Where issued estimates are kept" value={local.store} choices={storeChoices} width="long" onChange={(v) => set('store', v)} />
            {shared ? (
              <>
                <TextField
                  id={fieldIds.url}
                  label="Server address"
                  hint="From IT, like postgres://clinic_app@db.clinic.local:5432/clinic. No password here: enter it below."
                  value={local.url}
                  error={shown.url}
                  onChange={(v) => set('url', v)}
                />
                <TextField
                  id={fieldIds.caFile}
                  label="Certificate authority file (optional)"
                  hint="The full path of the file (PEM) IT gave you; with it, the connection is encrypted and the server's name is checked."
                  value={local.caFile}
                  error={shown.caFile}
                  onChange={(v) => set('caFile', v)}
                />
              </>
            ) : null}
            <SaveRow label="Save where records are kept" state={save} dirty={dirty} onSave={() => void submit()} />
          </>
        )}
        {shared ? <SharedRecordsSecrets view={view} onChanged={setView} /> : null}
        <div role="status" className="shared-records__restart">
          {view.restartNeeded ? (
            <p className="alert alert--warn">{view.store === 'postgres' ? 'Restart the app to use the shared records.' : 'Restart the app to keep records on this computer only.'}</p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
