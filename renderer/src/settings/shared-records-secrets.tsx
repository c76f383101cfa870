/**
 * Settings → Shared records, what this computer holds to use the clinic's server: the clinic key
 * (imported from the key file, read here as text like a configuration import; or made on the
 * first computer and saved for the others) shown by its id only, and this computer's database
 * password (sent once, kept wrapped by the operating system's key store; never shown again).
 */
import { useRef, useState, type ChangeEvent } from 'react';
import type { SharedRecordsView } from '../../../core/ipc/contract';
import { FieldShell } from '../lib/field-controls';

type Outcome = { kind: 'idle' } | { kind: 'working'; message: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

function OutcomeLine({ outcome }: { outcome: Outcome }) {
  return (
    <>
      <p role="status" className="save-row__status">
        {outcome.kind === 'working' ? outcome.message : null}
        {outcome.kind === 'done' ? (
          <span className="saved">
            <span aria-hidden="true">✓ </span>
            {outcome.message}
          </span>
        ) : null}
      </p>
      <div role="alert" className="save-row__alert">
        {outcome.kind === 'error' ? <p className="alert">{outcome.message}</p> : null}
      </div>
    </>
  );
}

export function SharedRecordsSecrets({ view, onChanged }: { view: SharedRecordsView; onChanged: (view: SharedRecordsView) => void }) {
  const [key, setKey] = useState<Outcome>({ kind: 'idle' });
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState<Outcome>({ kind: 'idle' });
  const fileRef = useRef<HTMLInputElement>(null);
  const keyEditable = view.source === 'settings';

  const importKey = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setKey({ kind: 'working', message: 'Checking the key file…' });
    const r = await window.clinic.sharing.importKey({ text: await file.text(), fileName: file.name });
    if (fileRef.current) fileRef.current.value = '';
    if (!r.ok) return setKey({ kind: 'error', message: r.error.message });
    onChanged(r.value);
    setKey({ kind: 'done', message: `Imported. This computer keeps the clinic key (key id ${r.value.keyId ?? ''}).` });
  };

  const createKey = async () => {
    setKey({ kind: 'working', message: 'Making the clinic key…' });
    const r = await window.clinic.sharing.createKey();
    if (!r.ok) return setKey({ kind: 'error', message: r.error.message });
    if (!r.value.saved) return setKey({ kind: 'idle' });
    const again = await window.clinic.sharing.get();
    if (again.ok) onChanged(again.value);
    setKey({ kind: 'done', message: `Made and kept on this computer (key id ${r.value.keyId}). The key file for the other computers is saved to ${r.value.path}: keep it safe.` });
  };

  const savePassword = async () => {
    setSaving({ kind: 'working', message: 'Saving…' });
    const r = await window.clinic.sharing.setPassword({ password });
    if (!r.ok) {
      const atField = r.error.issues.find((i) => i.path === 'password')?.message;
      setPasswordError(atField);
      if (atField !== undefined) document.getElementById('set-shared-password')?.focus();
      return setSaving({ kind: 'error', message: atField === undefined ? r.error.message : 'Nothing was saved.' });
    }
    setPassword('');
    setPasswordError(undefined);
    onChanged(r.value);
    setSaving({ kind: 'done', message: 'Saved. The password is kept locked by this computer and is not shown again.' });
  };

  return (
    <>
      <fieldset className="group">
        <legend className="group__legend">Clinic key</legend>
        <p className="shared-records__key" id="shared-key-state">
          {view.keyId === null ? 'There is no clinic key on this computer yet.' : `This computer keeps the clinic key with id ${view.keyId}.`}
        </p>
        {keyEditable ? (
          <>
            <div className="field">
              <label htmlFor="set-shared-key-file" className="field__label">
                Import the clinic key file
              </label>
              <p id="set-shared-key-file-hint" className="field__hint">
                The file made on the first computer (or by IT with npm run clinic-key). Only its id is shown here, never the key.
              </p>
              <input id="set-shared-key-file" ref={fileRef} type="file" accept=".key,application/json" className="file-input" aria-describedby="set-shared-key-file-hint" onChange={(e) => void importKey(e)} />
            </div>
            {/* What the last import or creation did, under the key's state it changed. */}
            <div className="save-row">
              <OutcomeLine outcome={key} />
            </div>
            <p className="alert alert--warn shared-records__warning">
              <strong>On the first computer only:</strong> create the clinic key, then give the saved key file to IT for the other computers. Keep that
              file safe: whoever has it can read the clinic&apos;s records.
            </p>
            <div className="save-row">
              <button type="button" className="button" onClick={() => void createKey()} disabled={key.kind === 'working'}>
                Create a clinic key
              </button>
            </div>
          </>
        ) : (
          <p className="field__hint">Set by your clinic&apos;s IT (machine policy): the key comes from the key file IT put on this computer.</p>
        )}
      </fieldset>
      <fieldset className="group">
        <legend className="group__legend">This computer&apos;s database password</legend>
        <p className="shared-records__key">{view.passwordSaved ? 'A password is saved on this computer.' : 'No password is saved on this computer.'}</p>
        <FieldShell id="set-shared-password" label="Database password" hint="From IT. Leave it unsaved if the server trusts this computer." error={passwordError}>
          {(aria) => (
            <input
              id="set-shared-password"
              className="input input--medium"
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setSaving({ kind: 'idle' });
              }}
              {...aria}
            />
          )}
        </FieldShell>
        <div className="save-row">
          <button type="button" className="button button--primary" onClick={() => void savePassword()} disabled={saving.kind === 'working'}>
            Save password
          </button>
          <OutcomeLine outcome={saving} />
        </div>
      </fieldset>
    </>
  );
}
