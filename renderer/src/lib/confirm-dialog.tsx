/**
 * An accessible confirmation: a modal <dialog> (focus moves into it and stays there, Escape
 * cancels, focus returns to where it was). Never window.confirm.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Make the confirm button look like a warning (it discards something). */
  destructive?: boolean;
  /** A third choice between cancel and confirm (like "Leave without saving"), shown as a warning. */
  alternative?: { label: string; onChoose: () => void };
}

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, onConfirm, onCancel, destructive, alternative }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {children}
      </div>
      <div className="dialog__actions">
        <button type="button" ref={cancelRef} className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        {alternative ? (
          <button type="button" className="button button--danger" onClick={alternative.onChoose}>
            {alternative.label}
          </button>
        ) : null}
        <button type="button" className={destructive ? 'button button--danger' : 'button button--primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
