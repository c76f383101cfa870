/**
 * Settings -> Medicare rates: the year's national Medicare figures the estimate uses, each with
 * its source and "Not confirmed" where no public source confirmed it, and the clinic's own
 * amounts (its Medicare contractor's locality figures), which the estimate uses instead.
 */
import { useCallback, useState } from 'react';
import type { MedicareRatesView } from '../../../core/ipc/contract';
import type { Settings } from '../../../core/settings';
import { figureText, isEditable, rateTextsFrom, toRateOverrides, type RateErrors, type RateTexts } from './medicare-rates';
import { CellInput, SelectField } from '../lib/field-controls';
import { SaveRow, UnsavedMark, type SaveState } from './save-row';
import { refuseAtField } from './save-settings-group';
import type { SaveOutcome } from './unsaved-sections';
import { useUnsavedSection } from './use-unsaved-section';
import { useSettingsView } from './use-settings-view';



interface MedicareRatesEditorProps {
  /** The saved amounts: when they change (an import, another window), the editor shows them. */
  medicareRates: Settings['medicareRates'];
  onSaved: (s: Settings) => void;
}

const Heading = ({ dirty = false }: { dirty?: boolean }) => (
  <h2 id="medicare-heading">
    Medicare rates
    <UnsavedMark dirty={dirty} />
  </h2>
);

export function MedicareRatesEditor({ medicareRates, onSaved }: MedicareRatesEditorProps) {
  const [texts, setTexts] = useState<RateTexts>({});
  const [errors, setErrors] = useState<RateErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  /** The rate year shown; undefined: this calendar year's. */
  const [year, setYear] = useState<number | undefined>(undefined);
  const shown = useCallback((loaded: MedicareRatesView) => {
    setTexts(rateTextsFrom(loaded.figures));
    setErrors({});
  }, []);
  const loadRates = useCallback(() => window.clinic.medicare.rates(year === undefined ? {} : { rateYear: year }), [year]);
  const { view, loadError, refresh } = useSettingsView(loadRates, JSON.stringify(medicareRates), shown);

  const submit = async (): Promise<SaveOutcome> => {
    if (!view) return { kind: 'failed' };
    const { overrides, errors: found } = toRateOverrides(view.figures, texts);
    setErrors(found);
    const firstBad = Object.keys(found)[0];
    if (firstBad !== undefined) return refuseAtField(inputId(firstBad), setSave, 'Please check the highlighted amounts; nothing was saved.');
    setSave({ kind: 'saving' });
    const years = { ...(medicareRates[view.procedureId] ?? {}), [String(view.rateYear)]: overrides };
    const r = await window.clinic.settings.update({ medicareRates: { [view.procedureId]: years } });
    if (!r.ok) {
      setSave({ kind: 'error', message: r.error.message });
      return { kind: 'failed' };
    }
    onSaved(r.value);
    await refresh();
    setSave({ kind: 'saved', message: 'Saved. Medicare estimates now use these amounts.' });
    return { kind: 'saved' };
  };
  const dirty = view !== null && JSON.stringify(texts) !== JSON.stringify(rateTextsFrom(view.figures));
  useUnsavedSection('medicare', 'Medicare rates', dirty, submit);

  if (loadError) return <section className="card" aria-labelledby="medicare-heading"><Heading /><p role="alert" className="alert">{loadError}</p></section>;
  if (!view) return <section className="card" aria-labelledby="medicare-heading"><Heading /><p>Loading Medicare rates…</p></section>;

  const missing = view.figures.filter((f) => f.nationalValue === null && f.clinicValue === null);
  return (
    <section className="card" aria-labelledby="medicare-heading">
      <Heading dirty={dirty} />
      <p className="card__intro">
        Medicare&apos;s {view.rateYear} national amounts, which Medicare estimates use. Amounts differ a little by area: enter your Medicare
        contractor&apos;s amounts for your locality where you know them; leave a box empty to use the national amount.
        {view.rateYear !== view.currentYear ? ` The app has no ${view.currentYear} figures yet: these are ${view.rateYear}'s.` : ''}
      </p>
      {view.years.length > 1 ? (
        <SelectField
          id="medicare-rate-year"
          label="Rate year"
          hint="The clinic's amounts are kept per year: Medicare's change every January"
          value={String(view.rateYear)}
          choices={view.years.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(v) => {
            setYear(Number(v));
            setSave({ kind: 'idle' });
          }}
        />
      ) : null}
      {missing.length > 0 ? (
        <p className="alert alert--warn">
          Not in the app yet: {missing.map((f) => f.label).join('; ')}. Until you enter them, estimates use the facility&apos;s charges
          for that part and say so.
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="fees medicare-rates">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" id="medicare-national-head">National</th>
              <th scope="col" id="medicare-clinic-head">Your clinic&apos;s amount</th>
            </tr>
          </thead>
          <tbody>
            {view.figures.map((f) => {
              const id = inputId(f.id);
              const err = errors[f.id];
              return (
                <tr key={f.id}>
                  <th scope="row" className="fees__service">
                    <span id={`${id}-label`}>{f.label}</span>
                    {!f.confirmed ? <span className="tag tag--warn"> Not confirmed</span> : null}
                    <span className="medicare-rates__source">{f.source}</span>
                  </th>
                  <td>{f.nationalValue === null ? <span className="tag tag--warn">Not in the app</span> : figureText(f, f.nationalValue)}</td>
                  <td>
                    {isEditable(f) ? (
                      <CellInput
                        id={id}
                        labelledBy={`medicare-clinic-head ${id}-label`}
                        value={texts[f.id] ?? ''}
                        error={err}
                        onChange={(value) => {
                          setTexts((t) => ({ ...t, [f.id]: value }));
                          setSave({ kind: 'idle' });
                        }}
                      />
                    ) : (
                      <span className="medicare-rates__reference">For reference</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SaveRow label="Save Medicare rates" state={save} dirty={dirty} onSave={() => void submit()} />
    </section>
  );
}

const inputId = (figureId: string): string => `medicare-${figureId.replace(/\./g, '-')}`;
