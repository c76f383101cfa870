/** The packet buttons and their plain-words outcome (status for success, alert for problems). */
import { useEffect, useRef } from 'react';
import type { SettingsFocus } from '../settings/settings-screen';
import type { PacketAction, PacketActionsState } from './use-packet-actions';

interface PacketActionsProps {
  state: PacketActionsState;
  onRun: (action: PacketAction) => void;
  /** Clear form (asks first): not "New estimate", which is the nav's way to this screen. */
  onClearForm: () => void;
  /** Opens Settings at the field a blocked Good Faith Estimate needs. */
  onOpenSettings: (focus: SettingsFocus) => void;
}

const busyText: Record<PacketAction, string> = {
  preview: 'Making the preview…',
  print: 'Sending to the printer…',
  save: 'Saving the PDF…',
};

export function PacketActions({ state, onRun, onClearForm, onOpenSettings }: PacketActionsProps) {
  const busy = state.busy !== null;
  const settingsButton = useRef<HTMLButtonElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  // A blocked or failed action must not go unnoticed below the fold.
  useEffect(() => {
    if (state.blocked) settingsButton.current?.focus();
  }, [state.blocked]);
  useEffect(() => {
    if (state.error) alertRef.current?.scrollIntoView({ block: 'nearest' });
  }, [state.error]);
  // Saved, printed, cancelled or failed: focus goes to the message that says so, not the page body.
  useEffect(() => {
    if (state.settled) (state.settled.focus === 'status' ? statusRef : errorRef).current?.focus();
  }, [state.settled]);
  return (
    <div className="actions" role="group" aria-label="Packet actions">
      <div className="actions__buttons">
        <button type="button" className="button button--primary" onClick={() => onRun('preview')} disabled={busy}>
          Preview packet
        </button>
        <button type="button" className="button button--primary" onClick={() => onRun('print')} disabled={busy}>
          Print
        </button>
        <button type="button" className="button button--primary" onClick={() => onRun('save')} disabled={busy}>
          Save PDF
        </button>
        <button type="button" className="button" onClick={onClearForm} disabled={busy}>
          Clear form
        </button>
      </div>
      <div className="actions__messages">
        <p role="status" className="actions__status" ref={statusRef} tabIndex={-1}>
          {state.busy ? busyText[state.busy] : (state.message ?? '')}
        </p>
        <div role="alert" className="actions__alert" ref={alertRef}>
          {state.error ? (
            <p className="alert" ref={errorRef} tabIndex={-1}>
              {state.error}
            </p>
          ) : null}
          {state.blocked ? (
            <div className="alert">
              <p>{state.blocked.message}</p>
              <button type="button" className="button" ref={settingsButton} onClick={() => onOpenSettings(state.blocked?.settingsFocus ?? null)}>
                {state.blocked.settingsLabel}
              </button>
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
