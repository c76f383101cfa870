/**
 * Settings → Records and privacy: how long issued estimates are kept, when the privacy screen
 * hides patient details, how long an unfinished estimate (the draft) is kept, and whether
 * records may be kept on a computer without an OS key store. The form turns text into numbers;
 * core's recordsSettingsSchema says what is allowed, and its messages show at the field.
 */
import { useState } from 'react';
import { recordsSettingsSchema, type RecordsSettings, type Settings } from '../../../core/settings';
import { CheckboxField, TextField } from '../lib/field-controls';
import { SaveRow, UnsavedMark, type SaveState } from './save-row';
import { refuseAtField, saveSettingsGroup } from './save-settings-group';
import type { SaveOutcome } from './unsaved-sections';
import { useUnsavedSection } from './use-unsaved-section';
import { fieldErrors, type FieldErrors } from './settings-fields';
import { useSettingsGroup } from './use-settings-group';

type NumberField = Exclude<keyof RecordsSettings, 'keepWithoutKeyStore'>;
type RecordsErrors = FieldErrors<NumberField>;
type RecordsTexts = Record<NumberField, string> & { keepWithoutKeyStore: boolean };

const numberFields: { name: NumberField; id: string; label: string; hint: string; notANumber: string }[] = [
  {
    name: 'retentionYears',
    id: 'set-records-retention',
    label: 'Keep issued estimates for (years)',
    hint: 'HIPAA practice keeps such records 6 years (the default). Older ones are deleted when the app starts.',
    notANumber: 'Enter a number of years, like 6.',
  },
  {
    name: 'idleMinutes',
    id: 'set-records-idle',
    label: 'Hide patient details after (minutes without use)',
    hint: 'A privacy screen covers the app until someone clicks or presses a key. It hides the screen; it is not a login.',
    notANumber: 'Enter a number of minutes, like 5.',
  },
  {
    name: 'draftMaxAgeHours',
    id: 'set-records-draft-age',
    label: 'Keep an unfinished estimate for (hours)',
    hint: 'An unfinished estimate older than this is deleted when the app starts, instead of being filled back in.',
    notANumber: 'Enter a number of hours, like 8.',
  },
];
const fieldOrder = numberFields.map((f) => f.name);

/** "6" or " 6 " as 6, "2.5" as 2.5 (core then says whole numbers only); null when it is not a number. */
const parseNumberText = (text: string): number | null => (/^\d{1,6}(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : null);

function check(texts: RecordsTexts): RecordsErrors {
  const errors: RecordsErrors = {};
  const values: Record<string, unknown> = { keepWithoutKeyStore: texts.keepWithoutKeyStore };
  for (const f of numberFields) {
    const value = parseNumberText(texts[f.name]);
    if (value === null) errors[f.name] = f.notANumber;
    // A stand-in core accepts, so core still checks the other fields.
    values[f.name] = value ?? 1;
  }
  const fromCore = fieldErrors(recordsSettingsSchema, values, fieldOrder);
  for (const name of fieldOrder) errors[name] ??= fromCore[name];
  return errors;
}

const asTexts = (r: RecordsSettings): RecordsTexts => ({
  retentionYears: String(r.retentionYears),
  idleMinutes: String(r.idleMinutes),
  draftMaxAgeHours: String(r.draftMaxAgeHours),
  keepWithoutKeyStore: r.keepWithoutKeyStore,
});

export function RecordsSettingsForm({ records, onSaved }: { records: RecordsSettings; onSaved: (s: Settings) => void }) {
  const [shown, setShown] = useState<RecordsErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const { local, setLocal, markSaved, dirty } = useSettingsGroup(records, asTexts, () => {
    setShown({});
    setSave({ kind: 'idle' });
  });
  useUnsavedSection('records', 'Records and privacy', dirty, () => submit());
  const set = <K extends keyof RecordsTexts>(name: K, value: RecordsTexts[K]) => {
    setLocal((l) => ({ ...l, [name]: value }));
    setSave({ kind: 'idle' });
  };

  const submit = async (): Promise<SaveOutcome> => {
    const errors = check(local);
    setShown(errors);
    const first = numberFields.find((f) => errors[f.name] !== undefined);
    if (first) return refuseAtField(first.id, setSave);
    return saveSettingsGroup({
      patch: {
        records: recordsSettingsSchema.parse({
          retentionYears: parseNumberText(local.retentionYears),
          idleMinutes: parseNumberText(local.idleMinutes),
          draftMaxAgeHours: parseNumberText(local.draftMaxAgeHours),
          keepWithoutKeyStore: local.keepWithoutKeyStore,
        }),
      },
      pick: (settings) => settings.records,
      markSaved,
      onSaved,
      setSave,
      savedMessage: 'Saved. The privacy screen and unfinished estimates follow these now.',
    });
  };

  return (
    <section className="card" aria-labelledby="records-heading">
      <h2 id="records-heading">
        Records and privacy
        <UnsavedMark dirty={dirty} />
      </h2>
      <p className="card__intro">How long issued estimates are kept, and how patient details are kept from view on a shared computer.</p>
      <div className="group__stack">
        {numberFields.map((f) => (
          <TextField
            key={f.name}
            id={f.id}
            label={f.label}
            hint={f.hint}
            value={local[f.name]}
            width="short"
            inputMode="numeric"
            error={shown[f.name]}
            onChange={(v) => set(f.name, v)}
            onBlur={() => setShown((s) => ({ ...s, [f.name]: check(local)[f.name] }))}
          />
        ))}
        <CheckboxField
          id="set-records-without-key-store"
          label="Keep records on a computer without an OS key store"
          hint="Only for a computer whose operating system has no key store to lock the records with (Linux without a keyring). Applies from the next start of the app."
          checked={local.keepWithoutKeyStore}
          onChange={(v) => set('keepWithoutKeyStore', v)}
        />
        {/* Said when the box is ticked, also to screen readers. */}
        <div aria-live="polite">
          {local.keepWithoutKeyStore ? (
            <p className="alert alert--warn">
              <strong>Records are then protected less.</strong> With no key store to lock it, their key is kept as a plain file in
              the app&apos;s data folder: anyone who can copy this computer&apos;s files may be able to read patients&apos; details.
              Leave this off unless IT has no other way.
            </p>
          ) : null}
        </div>
      </div>
      <SaveRow label="Save records and privacy" state={save} dirty={dirty} onSave={() => void submit()} />
    </section>
  );
}
