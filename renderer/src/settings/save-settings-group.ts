/**
 * The last steps every Settings form shares once its fields are valid: send the change,
 * show the main side's refusal plainly, or show the saved group and say so.
 */
import type { Settings, SettingsPatch } from '../../../core/settings';
import type { SaveState } from './save-row';

export interface SaveGroupSteps<G> {
  patch: SettingsPatch;
  /** The group as saved, from the settings main answered with. */
  pick: (settings: Settings) => G;
  markSaved: (saved: G) => void;
  onSaved: (settings: Settings) => void;
  setSave: (state: SaveState) => void;
  savedMessage: string;
}

export async function saveSettingsGroup<G>(steps: SaveGroupSteps<G>): Promise<void> {
  steps.setSave({ kind: 'saving' });
  const r = await window.clinic.settings.update(steps.patch);
  if (!r.ok) return steps.setSave({ kind: 'error', message: r.error.message });
  steps.markSaved(steps.pick(r.value));
  steps.onSaved(r.value);
  steps.setSave({ kind: 'saved', message: steps.savedMessage });
}
