/**
 * The last steps every Settings form shares once its fields are valid: send the change,
 * show the main side's refusal plainly, or show the saved group and say so.
 */
import type { AppError } from '../../../core/result';
import type { Settings, SettingsPatch } from '../../../core/settings';
import type { SaveState } from './save-row';
import type { SaveOutcome } from './unsaved-sections';

export interface SaveGroupSteps<G> {
  patch: SettingsPatch;
  /** The group as saved, from the settings main answered with. */
  pick: (settings: Settings) => G;
  markSaved: (saved: G) => void;
  onSaved: (settings: Settings) => void;
  setSave: (state: SaveState) => void;
  savedMessage: string;
  /** Shows a refusal's field issues at the form's fields; returns the message for the save row instead of main's (none: main's). */
  showRefusal?: (error: AppError) => string | undefined;
}

export async function saveSettingsGroup<G>(steps: SaveGroupSteps<G>): Promise<SaveOutcome> {
  steps.setSave({ kind: 'saving' });
  const r = await window.clinic.settings.update(steps.patch);
  if (!r.ok) {
    steps.setSave({ kind: 'error', message: steps.showRefusal?.(r.error) ?? r.error.message });
    return { kind: 'failed' };
  }
  steps.markSaved(steps.pick(r.value));
  steps.onSaved(r.value);
  steps.setSave({ kind: 'saved', message: steps.savedMessage });
  return { kind: 'saved' };
}

/** A section's fields refused its Save: focus the first, say nothing was saved. */
export function refuseAtField(focusId: string, setSave: (state: SaveState) => void, message = 'Please check the highlighted fields; nothing was saved.'): SaveOutcome {
  document.getElementById(focusId)?.focus();
  setSave({ kind: 'error', message });
  return { kind: 'invalid', focusId };
}
