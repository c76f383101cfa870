import type { ReactNode } from 'react';

/** A section's Save button with its visible outcome ("Saved", or what went wrong). */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message: string }
  | { kind: 'error'; message: string };

export function SaveRow({ label, state, onSave, children }: { label: string; state: SaveState; onSave: () => void; children?: ReactNode }) {
  return (
    <div className="save-row">
      <button type="button" className="button button--primary" onClick={onSave} disabled={state.kind === 'saving'}>
        {label}
      </button>
      {children}
      <p role="status" className="save-row__status">
        {state.kind === 'saved' ? (
          <span className="saved">
            <span aria-hidden="true">✓ </span>
            {state.message}
          </span>
        ) : state.kind === 'saving' ? (
          'Saving…'
        ) : null}
      </p>
      <div role="alert" className="save-row__alert">
        {state.kind === 'error' ? <p className="alert">{state.message}</p> : null}
      </div>
    </div>
  );
}
