/** Asked when staff leave Settings (another screen, or closing the window) with sections not saved. */
import { ConfirmDialog } from '../lib/confirm-dialog';

interface LeaveSettingsDialogProps {
  /** The titles of the sections with unsaved changes; empty: the dialog is closed. */
  sections: readonly string[];
  onSaveAll: () => void;
  onDiscard: () => void;
  onStay: () => void;
}

export function LeaveSettingsDialog({ sections, onSaveAll, onDiscard, onStay }: LeaveSettingsDialogProps) {
  return (
    <ConfirmDialog
      open={sections.length > 0}
      title="Leave Settings without saving?"
      confirmLabel="Save all and leave"
      cancelLabel="Stay"
      alternative={{ label: 'Leave without saving', onChoose: onDiscard }}
      onConfirm={onSaveAll}
      onCancel={onStay}
    >
      <p>These sections have changes that are not saved yet:</p>
      <ul>
        {sections.map((title) => (
          <li key={title}>{title}</li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
