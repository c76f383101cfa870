/** Settings → Clinic profile: name, address, phone, NPI, TIN and an optional logo. */
import { useRef, useState, type ChangeEvent } from 'react';
import type { AppError } from '../../../core/result';
import { clinicProfileSchema, type ClinicProfile, type Settings } from '../../../core/settings';
import { TextField } from '../lib/field-controls';
import { SaveRow, UnsavedMark, type SaveState } from './save-row';
import { fieldErrors, idHints, settingsFieldIds, type FieldErrors } from './settings-fields';
import { useSettingsGroup } from './use-settings-group';
import { refuseAtField, saveSettingsGroup } from './save-settings-group';
import type { SaveOutcome } from './unsaved-sections';
import { useUnsavedSection } from './use-unsaved-section';

type ProfileField = keyof ClinicProfile;
type ProfileErrors = FieldErrors<ProfileField>;

const textFields: { name: Exclude<ProfileField, 'logoDataUrl'>; label: string; hint?: string; multiline?: boolean; width?: 'short' | 'medium' | 'long' }[] = [
  { name: 'name', label: 'Clinic name' },
  { name: 'address', label: 'Address', hint: 'As it should appear on the packet, including the state', multiline: true },
  { name: 'phone', label: 'Phone', width: 'medium' },
  { name: 'npi', label: 'NPI', hint: idHints.npi, width: 'medium' },
  { name: 'tin', label: 'TIN', hint: idHints.tin, width: 'medium' },
];

const fieldOrder: ProfileField[] = ['name', 'address', 'phone', 'npi', 'tin', 'logoDataUrl'];
const inputId = settingsFieldIds.clinic;

const validate = (profile: ClinicProfile): ProfileErrors => fieldErrors(clinicProfileSchema, profile, fieldOrder);

interface ClinicProfileFormProps {
  clinic: ClinicProfile;
  onSaved: (settings: Settings) => void;
}

const asShown = (clinic: ClinicProfile): ClinicProfile => clinic;

export function ClinicProfileForm({ clinic, onSaved }: ClinicProfileFormProps) {
  const [shown, setShown] = useState<ProfileErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const { local: profile, setLocal: setProfile, markSaved, dirty } = useSettingsGroup(clinic, asShown, () => {
    setShown({});
    setSave({ kind: 'idle' });
  });
  const fileRef = useRef<HTMLInputElement>(null);
  useUnsavedSection('clinic', 'Clinic profile', dirty, () => submit());

  const set = (name: ProfileField, value: string) => {
    setProfile((p) => ({ ...p, [name]: value }));
    setSave({ kind: 'idle' });
  };
  const blur = (name: ProfileField) => setShown((s) => ({ ...s, [name]: validate(profile)[name] }));

  const pickLogo = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      setProfile((p) => ({ ...p, logoDataUrl: url }));
      setShown((s) => ({ ...s, logoDataUrl: validate({ ...profile, logoDataUrl: url }).logoDataUrl }));
      setSave({ kind: 'idle' });
    };
    reader.readAsDataURL(file);
  };

  /** The main side reads the logo's pixels (this form only checks its type and size): its refusal shows on the Logo field. */
  const showRefusal = (error: AppError): string | undefined => {
    const logo = error.issues.find((i) => i.path === 'clinic.logoDataUrl');
    if (logo === undefined) return undefined;
    setShown((s) => ({ ...s, logoDataUrl: logo.message }));
    document.getElementById(inputId('logoDataUrl'))?.focus();
    return 'Please check the highlighted fields; nothing was saved.';
  };

  const submit = async (): Promise<SaveOutcome> => {
    const errors = validate(profile);
    setShown(errors);
    const first = fieldOrder.find((n) => errors[n]);
    if (first) return refuseAtField(inputId(first), setSave);
    return saveSettingsGroup({
      patch: { clinic: clinicProfileSchema.parse(profile) },
      pick: (settings) => settings.clinic,
      markSaved,
      onSaved,
      setSave,
      savedMessage: 'Saved. The clinic profile is on every new packet.',
      showRefusal,
    });
  };

  return (
    <section className="card" aria-labelledby="clinic-heading">
      <h2 id="clinic-heading">
        Clinic profile
        <UnsavedMark dirty={dirty} />
      </h2>
      <p className="card__intro">Printed on every packet. A Good Faith Estimate needs the NPI and TIN.</p>
      <div className="group__stack">
        {textFields.map((f) => (
          <TextField
            key={f.name}
            id={inputId(f.name)}
            label={f.label}
            value={profile[f.name]}
            hint={f.hint}
            error={shown[f.name]}
            multiline={f.multiline ?? false}
            width={f.width ?? 'long'}
            inputMode={f.name === 'phone' ? 'tel' : 'text'}
            onChange={(v) => set(f.name, v)}
            onBlur={() => blur(f.name)}
          />
        ))}
        <div className={`field${shown.logoDataUrl ? ' field--invalid' : ''}`}>
          <label htmlFor="set-clinic-logo" className="field__label">
            Logo (optional)
          </label>
          <p id="set-clinic-logo-hint" className="field__hint">
            A PNG or JPEG picture under 300 KB, at most 2000 x 2000 pixels, printed at the top of the packet
          </p>
          <input
            id="set-clinic-logo"
            ref={fileRef}
            type="file"
            accept="image/png,image/jpeg"
            className="file-input"
            aria-describedby={shown.logoDataUrl ? 'set-clinic-logo-hint set-clinic-logo-error' : 'set-clinic-logo-hint'}
            aria-invalid={shown.logoDataUrl ? true : undefined}
            onChange={pickLogo}
          />
          {shown.logoDataUrl ? (
            <p id="set-clinic-logo-error" className="field__error">
              {shown.logoDataUrl}
            </p>
          ) : null}
          {profile.logoDataUrl !== '' ? (
            <div className="logo-preview">
              {/* A refused picture is not shown: it would be a broken-image box. */}
              {shown.logoDataUrl ? null : <img src={profile.logoDataUrl} alt="Clinic logo as it will print" />}
              <button
                type="button"
                className="button"
                onClick={() => {
                  set('logoDataUrl', '');
                  setShown((s) => ({ ...s, logoDataUrl: undefined }));
                  if (fileRef.current) fileRef.current.value = '';
                }}
              >
                Remove logo
              </button>
            </div>
          ) : null}
        </div>
      </div>
      <SaveRow label="Save clinic profile" state={save} dirty={dirty} onSave={() => void submit()} />
    </section>
  );
}
