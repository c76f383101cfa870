/**
 * Settings → Clinic configuration: export everything to one file, and import such a file on
 * another front-desk PC after seeing exactly what will change.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import type { Settings } from '../../../core/settings';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'preview'; text: string; fileName: string; changes: string[]; lockedKept: string[] }
  | { kind: 'applied'; count: number }
  | { kind: 'error'; message: string };

export function ConfigTransfer({ onSaved }: { onSaved: (s: Settings) => void }) {
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [imp, setImp] = useState<ImportState>({ kind: 'idle' });
  const fileRef = useRef<HTMLInputElement>(null);

  const doExport = async () => {
    setExportError(null);
    setExportMessage('Exporting…');
    const r = await window.clinic.config.export();
    if (!r.ok) {
      setExportMessage(null);
      return setExportError(r.error.message);
    }
    setExportMessage(r.value.saved ? `Saved to ${r.value.path}` : 'Not exported: the save window was closed.');
  };

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setImp({ kind: 'checking' });
    const text = await file.text();
    const r = await window.clinic.config.importPreview({ text });
    if (!r.ok) return setImp({ kind: 'error', message: r.error.message });
    setImp({ kind: 'preview', text, fileName: file.name, changes: r.value.changes, lockedKept: r.value.lockedKept });
  };

  const clearFile = () => {
    if (fileRef.current) fileRef.current.value = '';
  };

  const apply = async (text: string) => {
    const r = await window.clinic.config.importApply({ text });
    if (!r.ok) return setImp({ kind: 'error', message: r.error.message });
    onSaved(r.value);
    setImp({ kind: 'applied', count: imp.kind === 'preview' ? imp.changes.length : 0 });
    clearFile();
  };

  return (
    <section className="card" aria-labelledby="config-heading">
      <h2 id="config-heading">Clinic configuration</h2>
      <p className="card__intro">
        One file with the clinic profile, fees and defaults, so every front-desk computer is set up the same way. It holds no patient
        data.
      </p>
      <div className="save-row">
        <button type="button" className="button" onClick={() => void doExport()}>
          Export clinic configuration
        </button>
        <p role="status" className="save-row__status">
          {exportMessage}
        </p>
        <div role="alert" className="save-row__alert">
          {exportError ? <p className="alert">{exportError}</p> : null}
        </div>
      </div>
      <div className="field config-import">
        <label htmlFor="set-import-file" className="field__label">
          Import clinic configuration
        </label>
        <p id="set-import-hint" className="field__hint">
          Choose a file exported from another computer. You will see the changes before anything is applied.
        </p>
        <input
          id="set-import-file"
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="file-input"
          aria-describedby="set-import-hint"
          onChange={(e) => void pick(e)}
        />
      </div>
      <div role="status" className="import-status">
        {imp.kind === 'checking' ? <p>Checking the file…</p> : null}
        {imp.kind === 'applied' ? (
          <p className="saved">
            <span aria-hidden="true">✓ </span>Imported. {imp.count} setting{imp.count === 1 ? '' : 's'} changed.
          </p>
        ) : null}
      </div>
      {imp.kind === 'error' ? (
        <p role="alert" className="alert">
          {imp.message}
        </p>
      ) : null}
      {imp.kind === 'preview' ? (
        <div className="import-preview" role="group" aria-labelledby="import-preview-heading">
          <h3 id="import-preview-heading" className="summary__subhead">
            Changes from {imp.fileName}
          </h3>
          {imp.changes.length === 0 ? (
            <p>Nothing would change: this computer already has these settings.</p>
          ) : (
            <ul className="import-preview__list">
              {imp.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
          {imp.lockedKept.length > 0 ? (
            <p className="import-preview__locked">
              Not changed, because your clinic&apos;s IT sets {imp.lockedKept.length === 1 ? 'it' : 'them'} (machine policy): {imp.lockedKept.join(', ')}.
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => { setImp({ kind: 'idle' }); clearFile(); }}>
              Cancel import
            </button>
            <button type="button" className="button button--primary" onClick={() => void apply(imp.text)} disabled={imp.changes.length === 0}>
              Apply these changes
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
