/**
 * Settings → Doctors: the clinic's doctors who perform the procedure, each with the name the
 * patient reads and, when the clinic wants it shown, the NPI. The New estimate form's Doctor
 * list comes from here.
 */
import { useEffect, useState } from 'react';
import { doctorsSchema, type Doctor, type Settings } from '../../../core/settings';
import { TextField } from '../lib/field-controls';
import { blankDoctor, doctorsErrors, firstDoctorError, type DoctorField, type DoctorsErrors } from './doctors';
import { SaveRow, UnsavedMark, type SaveState } from './save-row';
import { refuseAtField, saveSettingsGroup } from './save-settings-group';
import type { SaveOutcome } from './unsaved-sections';
import { useUnsavedSection } from './use-unsaved-section';
import { idHints, settingsFieldIds } from './settings-fields';
import { useSettingsGroup } from './use-settings-group';

const fields: { name: DoctorField; label: string; hint: string; width: 'medium' | 'long' }[] = [
  { name: 'name', label: 'Name', hint: 'As the patient should read it, like Dr. Ana Ruiz', width: 'long' },
  { name: 'npi', label: 'NPI', hint: `Optional. ${idHints.npi}`, width: 'medium' },
];

const asShown = (doctors: Settings['doctors']): Doctor[] => doctors.map((d) => ({ ...d }));
const noErrors: DoctorsErrors = { rows: {} };

export function DoctorsEditor({ doctors, onSaved }: { doctors: Settings['doctors']; onSaved: (s: Settings) => void }) {
  const [shown, setShown] = useState<DoctorsErrors>(noErrors);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  // The row just added: its name field takes focus once it is on screen.
  const [added, setAdded] = useState<number | null>(null);
  const { local, setLocal, markSaved, dirty } = useSettingsGroup(doctors, asShown, () => {
    setShown(noErrors);
    setSave({ kind: 'idle' });
  });

  useUnsavedSection('doctors', 'Doctors', dirty, () => submit());
  useEffect(() => {
    if (added !== null) document.getElementById(settingsFieldIds.doctor(added, 'name'))?.focus();
  }, [added]);

  const set = (index: number, name: DoctorField, value: string) => {
    setLocal((all) => all.map((d, i) => (i === index ? { ...d, [name]: value } : d)));
    setSave({ kind: 'idle' });
  };
  const blur = (index: number, name: DoctorField) =>
    setShown((s) => ({ ...s, rows: { ...s.rows, [index]: { ...s.rows[index], [name]: doctorsErrors(local).rows[index]?.[name] } } }));

  const add = () => {
    setLocal((all) => [...all, blankDoctor]);
    setAdded(local.length);
    setSave({ kind: 'idle' });
  };
  const remove = (index: number) => {
    setLocal((all) => all.filter((_, i) => i !== index));
    // Rows below move up: messages shown for them would sit at the wrong row.
    setShown(noErrors);
    setAdded(null);
    setSave({ kind: 'idle' });
    document.getElementById(settingsFieldIds.addDoctor)?.focus();
  };

  const submit = async (): Promise<SaveOutcome> => {
    const errors = doctorsErrors(local);
    setShown(errors);
    const first = firstDoctorError(errors);
    if (first !== null) return refuseAtField(settingsFieldIds.doctor(first.index, first.field), setSave, errors.list);
    if (errors.list !== undefined) return refuseAtField(settingsFieldIds.addDoctor, setSave, errors.list);
    return saveSettingsGroup({
      patch: { doctors: doctorsSchema.parse(local) },
      pick: (settings) => settings.doctors,
      markSaved,
      onSaved,
      setSave,
      savedMessage: 'Saved. New estimates list these doctors.',
    });
  };

  return (
    <section className="card" aria-labelledby="doctors-heading">
      <h2 id="doctors-heading">
        Doctors
        <UnsavedMark dirty={dirty} />
      </h2>
      <p className="card__intro">
        The clinic&apos;s doctors who perform the procedure. Staff choose one on each new estimate; the packet names them.
      </p>
      {local.length === 0 ? <p>No doctors listed yet.</p> : null}
      {local.map((doctor, i) => {
        const legend = `Doctor ${i + 1}`;
        return (
          <fieldset key={i} className="group">
            <legend className="group__legend">{legend}</legend>
            <div className="group__stack">
              {fields.map((f) => (
                <TextField
                  key={f.name}
                  id={settingsFieldIds.doctor(i, f.name)}
                  label={f.label}
                  labelContext={legend}
                  value={doctor[f.name]}
                  hint={f.hint}
                  error={shown.rows[i]?.[f.name]}
                  width={f.width}
                  inputMode={f.name === 'npi' ? 'numeric' : 'text'}
                  onChange={(v) => set(i, f.name, v)}
                  onBlur={() => blur(i, f.name)}
                />
              ))}
            </div>
            <button type="button" className="button" onClick={() => remove(i)}>
              Remove {doctor.name.trim() === '' ? legend.toLowerCase() : doctor.name.trim()}
            </button>
          </fieldset>
        );
      })}
      <SaveRow label="Save doctors" state={save} dirty={dirty} onSave={() => void submit()}>
        <button id={settingsFieldIds.addDoctor} type="button" className="button" onClick={add}>
          Add a doctor
        </button>
      </SaveRow>
    </section>
  );
}
