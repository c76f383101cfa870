/** One field of the New estimate form, rendered from its definition in form-fields.ts. */
import { CheckboxField, SelectField, TextField } from '../lib/field-controls';
import {
  coverageKinds,
  diagnosisChoices,
  doctorChoices,
  doctorNotListed,
  fieldDefs,
  fieldHint,
  languageChoices,
  levelChoices,
  placeChoices,
  sedationChoices,
  supplementChoices,
  type FieldName,
} from './form-fields';
import { PercentField } from './percent-field';
import { fieldId, type EstimateForm } from './use-estimate-form';

const checkboxHints: Partial<Record<FieldName, string>> = {
  inNetwork: 'Untick when the clinic is out of network for this plan',
  facilityInNetwork: 'The hospital or surgery center, when it is not the same as the clinic',
  anesthesiaInNetwork: 'The anesthesia provider, when there is one',
  noOutOfPocketMax: 'Tick only when the plan has none (empty means not known)',
  hasSecondary: "A second commercial plan, like a spouse's",
  largePrint: '18 pt type for patients who need bigger letters',
};

type CheckboxName = 'inNetwork' | 'facilityInNetwork' | 'anesthesiaInNetwork' | 'noOutOfPocketMax' | 'hasSecondary' | 'largePrint';
const isCheckbox = (name: FieldName): name is CheckboxName => fieldDefs[name].kind === 'checkbox';

interface EstimateFieldProps {
  name: FieldName;
  form: EstimateForm;
  /** Opens Settings → Doctors (from the Doctor field, when no doctors are listed yet). */
  onOpenDoctors?: (() => void) | undefined;
}

export function EstimateField({ name, form, onOpenDoctors }: EstimateFieldProps) {
  const def = fieldDefs[name];
  const id = fieldId(name);
  const error = form.visibleErrors[name];
  const { values, setField, procedure } = form;
  if (isCheckbox(name)) {
    return <CheckboxField id={id} label={def.label} checked={values[name]} onChange={(v) => setField(name, v)} hint={checkboxHints[name]} />;
  }
  switch (name) {
    case 'coverageKind':
      return <SelectField id={id} label={def.label} value={values.coverageKind} choices={coverageKinds} onChange={(v) => setField(name, v)} />;
    case 'levels':
      return <SelectField id={id} label={def.label} value={values.levels} choices={levelChoices(procedure)} onChange={(v) => setField(name, v)} error={error} />;
    case 'site':
      return <SelectField id={id} label={def.label} value={values.site} choices={placeChoices(procedure)} onChange={(v) => setField(name, v)} error={error} />;
    case 'sedation':
      return <SelectField id={id} label={def.label} value={values.sedation} choices={sedationChoices(procedure)} onChange={(v) => setField(name, v)} error={error} />;
    case 'supplement':
      return (
        <SelectField
          id={id}
          label={def.label}
          value={values.supplement}
          choices={supplementChoices}
          onChange={(v) => setField(name, v)}
          error={error}
          hint="A plan that pays after Original Medicare"
        />
      );
    case 'diagnosis':
      return (
        <SelectField
          id={id}
          label={def.label}
          value={values.diagnosis}
          choices={diagnosisChoices(procedure, values.diagnosis)}
          onChange={(v) => setField(name, v)}
          error={error}
          hint={def.hint}
          width="long"
          className="field--wide"
        />
      );
    case 'doctor': {
      const none = form.doctors.length === 0;
      const hint = none
        ? 'No doctors listed yet: add them under Settings → Doctors'
        : doctorNotListed(form.doctors, values.doctor)
          ? 'This doctor is no longer in Settings → Doctors'
          : undefined;
      return (
        <SelectField id={id} label={def.label} value={values.doctor} choices={doctorChoices(form.doctors, values.doctor)} onChange={(v) => setField(name, v)} error={error} hint={hint}>
          {none && onOpenDoctors ? (
            <button type="button" className="button field__action" onClick={onOpenDoctors}>
              Go to Settings → Doctors
            </button>
          ) : null}
        </SelectField>
      );
    }
    case 'language':
      return <SelectField id={id} label={def.label} value={values.language} choices={languageChoices} onChange={(v) => setField(name, v)} />;
    default: {
      const kind = def.kind;
      const field = {
        id,
        label: def.label,
        value: values[name],
        onChange: (v: string) => setField(name, v),
        onBlur: () => form.blurField(name),
        hint: fieldHint(name, values.coverageKind),
        error,
        inputMode: kind === 'money' || kind === 'percent' ? 'decimal' : kind === 'date' ? 'numeric' : 'text',
        width: name === 'preparedBy' || kind === 'percent' ? 'short' : kind === 'text' ? 'long' : 'medium',
      } as const;
      // A percentage between 0 and 1 may be a portal's fraction (0.2 for 20%): the field asks.
      return kind === 'percent' ? <PercentField {...field} /> : <TextField {...field} />;
    }
  }
}
