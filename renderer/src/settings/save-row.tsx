import type { ReactNode } from 'react';

/** A section's Save button with its visible outcome ("Saved", or what went wrong). */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message: string }
  | { kind: 'error'; message: string };

/** Beside a section's heading while it has changes its Save button has not saved. */
export function UnsavedMark({ dirty }: { dirty: boolean }) {
  return dirty ? <span className="unsaved-mark"> Unsaved changes</span> : null;
}

interface SaveRowProps {
  label: string;
  state: SaveState;
  onSave: () => void;
  /** The section has changes not saved yet: said beside the button. */
  dirty?: boolean;
  children?: ReactNode;
}

export function SaveRow({ label, state, onSave, dirty = false, children }: SaveRowProps) {
  return (
    <div className="save-row">
      <button type="button" className="button button--primary" onClick={onSave} disabled={state.kind === 'saving'}>
        {label}
      </button>
      {dirty && state.kind !== 'saving' ? <span className="save-row__unsaved">Unsaved changes</span> : null}
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
