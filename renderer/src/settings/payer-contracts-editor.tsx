/**
 * Settings -> Payer contracts: per payer, the name staff type (and other names it goes by), the
 * doctor's allowed amounts as a percentage of Medicare or per code, and the facility's and
 * anesthesia's percentage when the clinic knows them. Estimates for a matching payer use them.
 */
import { useEffect, useState } from 'react';
import type { Settings } from '../../../core/settings';
import { SelectField, TextField } from '../lib/field-controls';
import { blankContract, contractTextsFrom, toContracts, type BasisKind, type ContractErrors, type ContractTexts } from './payer-contracts';
import { SaveRow, UnsavedMark, type SaveState } from './save-row';
import { refuseAtField } from './save-settings-group';
import type { SaveOutcome } from './unsaved-sections';
import { useUnsavedSection } from './use-unsaved-section';

const basisChoices: { value: BasisKind; label: string }[] = [
  { value: 'percent', label: 'Percent of Medicare' },
  { value: 'amounts', label: 'Amount per code' },
];

interface PayerContractsEditorProps {
  payerContracts: Settings['payerContracts'];
  /** Amounts per code as staff would type them, with the procedure's codes. */
  example: string;
  onSaved: (s: Settings) => void;
}

export function PayerContractsEditor({ payerContracts, example, onSaved }: PayerContractsEditorProps) {
  const savedKey = JSON.stringify(payerContracts);
  const [texts, setTexts] = useState<ContractTexts[]>(() => contractTextsFrom(payerContracts));
  const [errors, setErrors] = useState<ContractErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  // An import or another window changed the saved contracts: show them.
  useEffect(() => {
    setTexts(contractTextsFrom(JSON.parse(savedKey) as Settings['payerContracts']));
    setErrors({});
  }, [savedKey]);

  const set = (i: number, field: keyof ContractTexts, value: string) => {
    setTexts((all) => all.map((t, j) => (j === i ? { ...t, [field]: value } : t)));
    setSave({ kind: 'idle' });
  };

  const submit = async (): Promise<SaveOutcome> => {
    const { contracts, errors: found } = toContracts(texts, example);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) return refuseAtField(`contract-${first.replace('.', '-')}`, setSave);
    setSave({ kind: 'saving' });
    const r = await window.clinic.settings.update({ payerContracts: contracts });
    if (!r.ok) {
      setSave({ kind: 'error', message: r.error.message });
      return { kind: 'failed' };
    }
    onSaved(r.value);
    setSave({ kind: 'saved', message: 'Saved. Estimates for these payers now use their contracted rates.' });
    return { kind: 'saved' };
  };
  const dirty = JSON.stringify(texts) !== JSON.stringify(contractTextsFrom(payerContracts));
  useUnsavedSection('contracts', 'Payer contracts', dirty, submit);

  return (
    <section className="card" aria-labelledby="contracts-heading">
      <h2 id="contracts-heading">
        Payer contracts
        <UnsavedMark dirty={dirty} />
      </h2>
      <p className="card__intro">
        The allowed amounts in the clinic&apos;s contracts. A case whose insurance company matches a payer name or one of its other names
        (capitals and spaces do not matter) is estimated on them. Percentages are of the clinic&apos;s Medicare rates.
      </p>
      {texts.length === 0 ? <p>No payer contracts yet: estimates use the charges or the allowed amount staff type.</p> : null}
      {texts.map((t, i) => {
        const id = (field: keyof ContractTexts) => `contract-${i}-${field}`;
        const err = (field: keyof ContractTexts) => errors[`${i}.${field}`];
        return (
          <fieldset key={i} className="group">
            <legend className="group__legend">{t.payer.trim() === '' ? `Contract ${i + 1}` : t.payer}</legend>
            <div className="group__grid">
              <TextField id={id('payer')} label="Payer name" value={t.payer} error={err('payer')} onChange={(v) => set(i, 'payer', v)} width="medium" />
              <TextField id={id('aliases')} label="Other names" hint="Separated by commas" value={t.aliases} onChange={(v) => set(i, 'aliases', v)} width="medium" />
              <SelectField id={id('physicianKind')} label="Doctor's allowed amounts" value={t.physicianKind} choices={basisChoices} onChange={(v) => set(i, 'physicianKind', v)} />
              {t.physicianKind === 'percent' ? (
                <TextField id={id('physicianPercent')} label="Doctor: percent of Medicare" value={t.physicianPercent} error={err('physicianPercent')} onChange={(v) => set(i, 'physicianPercent', v)} inputMode="decimal" width="short" />
              ) : (
                <TextField id={id('physicianAmounts')} label="Doctor: amount per code" hint={`Like ${example}`} value={t.physicianAmounts} error={err('physicianAmounts')} onChange={(v) => set(i, 'physicianAmounts', v)} />
              )}
              <TextField id={id('facilityPercent')} label="Facility: percent of Medicare" hint="If known; empty for its charges" value={t.facilityPercent} error={err('facilityPercent')} onChange={(v) => set(i, 'facilityPercent', v)} inputMode="decimal" width="short" />
              <TextField id={id('anesthesiaPercent')} label="Anesthesia: percent of Medicare" hint="If known; empty for its charges" value={t.anesthesiaPercent} error={err('anesthesiaPercent')} onChange={(v) => set(i, 'anesthesiaPercent', v)} inputMode="decimal" width="short" />
            </div>
            <button
              type="button"
              className="button"
              onClick={() => {
                setTexts((all) => all.filter((_, j) => j !== i));
                setErrors({});
                setSave({ kind: 'idle' });
              }}
            >
              Remove this contract
            </button>
          </fieldset>
        );
      })}
      <SaveRow label="Save payer contracts" state={save} dirty={dirty} onSave={() => void submit()}>
        <button
          type="button"
          className="button"
          onClick={() => {
            setTexts((all) => [...all, blankContract]);
            setSave({ kind: 'idle' });
          }}
        >
          Add a payer contract
        </button>
      </SaveRow>
    </section>
  );
}
