/**
 * Settings → Other providers on the Good Faith Estimate: the hospital outpatient department,
 * the surgery center and the anesthesia group, when they bill their own part.
 */
import { useState } from 'react';
import { otherProviderSchema, otherProvidersSchema, type OtherProvider, type OtherProviders, type Settings } from '../../../core/settings';
import { TextField } from '../lib/field-controls';
import { SaveRow, UnsavedMark, type SaveState } from './save-row';
import { fieldErrors, idHints, settingsFieldIds, type FieldErrors } from './settings-fields';
import { useSettingsGroup } from './use-settings-group';
import { refuseAtField, saveSettingsGroup } from './save-settings-group';
import type { SaveOutcome } from './unsaved-sections';
import { useUnsavedSection } from './use-unsaved-section';

type ProviderKey = keyof OtherProviders;
type ProviderField = keyof OtherProvider;
type ProvidersErrors = Partial<Record<ProviderKey, FieldErrors<ProviderField>>>;

const providers: { key: ProviderKey; legend: string }[] = [
  { key: 'hospitalOutpatient', legend: 'Hospital outpatient department' },
  { key: 'asc', legend: 'Surgery center (ASC)' },
  { key: 'anesthesia', legend: 'Anesthesia provider' },
];

const fields: { name: ProviderField; label: string; hint?: string; multiline?: boolean; width?: 'medium' | 'long' }[] = [
  { name: 'name', label: 'Name' },
  { name: 'npi', label: 'NPI', hint: idHints.npi, width: 'medium' },
  { name: 'tin', label: 'TIN', hint: idHints.tin, width: 'medium' },
  { name: 'address', label: 'Address', multiline: true }, // last: the full-width row (styles.css)
];
const fieldOrder = fields.map((f) => f.name);

const inputId = settingsFieldIds.otherProvider;

const validateOne = (provider: OtherProvider): FieldErrors<ProviderField> => fieldErrors(otherProviderSchema, provider, fieldOrder);

function validate(all: OtherProviders): ProvidersErrors {
  const errors: ProvidersErrors = {};
  for (const { key } of providers) {
    const found = validateOne(all[key]);
    if (Object.keys(found).length > 0) errors[key] = found;
  }
  return errors;
}

const asShown = (group: OtherProviders): OtherProviders => group;

export function OtherProvidersForm({ otherProviders, onSaved }: { otherProviders: OtherProviders; onSaved: (s: Settings) => void }) {
  const [shown, setShown] = useState<ProvidersErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const { local, setLocal, markSaved, dirty } = useSettingsGroup(otherProviders, asShown, () => {
    setShown({});
    setSave({ kind: 'idle' });
  });

  useUnsavedSection('otherProviders', 'Other providers on the Good Faith Estimate', dirty, () => submit());

  const set = (key: ProviderKey, name: ProviderField, value: string) => {
    setLocal((l) => ({ ...l, [key]: { ...l[key], [name]: value } }));
    setSave({ kind: 'idle' });
  };
  const blur = (key: ProviderKey, name: ProviderField) =>
    setShown((s) => ({ ...s, [key]: { ...s[key], [name]: validateOne(local[key])[name] } }));

  const submit = async (): Promise<SaveOutcome> => {
    const errors = validate(local);
    setShown(errors);
    const first = providers.flatMap(({ key }) => fieldOrder.filter((n) => errors[key]?.[n]).map((n) => inputId(key, n)))[0];
    if (first !== undefined) return refuseAtField(first, setSave);
    return saveSettingsGroup({
      patch: { otherProviders: otherProvidersSchema.parse(local) },
      pick: (settings) => settings.otherProviders,
      markSaved,
      onSaved,
      setSave,
      savedMessage: 'Saved. New Good Faith Estimates show these providers.',
    });
  };

  return (
    <section className="card" aria-labelledby="other-providers-heading">
      <h2 id="other-providers-heading">
        Other providers on the Good Faith Estimate
        <UnsavedMark dirty={dirty} />
      </h2>
      <p className="card__intro">
        Fill these in when a hospital, surgery center or anesthesia group bills its own part. They are printed on Good Faith Estimates
        for uninsured and self-pay patients. Leave blank if the clinic bills everything.
      </p>
      {providers.map(({ key, legend }) => (
        <fieldset key={key} className="group">
          <legend className="group__legend">{legend}</legend>
          <div className="provider-fields">
            {fields.map((f) => (
              <TextField
                key={f.name}
                id={inputId(key, f.name)}
                label={f.label}
                labelContext={legend}
                value={local[key][f.name]}
                hint={f.hint}
                error={shown[key]?.[f.name]}
                multiline={f.multiline ?? false}
                width={f.width ?? 'long'}
                onChange={(v) => set(key, f.name, v)}
                onBlur={() => blur(key, f.name)}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <SaveRow label="Save other providers" state={save} dirty={dirty} onSave={() => void submit()} />
    </section>
  );
}
