/**
 * Settings → Fee schedule: each line's low/high charge in dollars, reset to the defaults, and
 * the range check (does every 1–3-level combination stay within the published range?).
 */
import { useCallback, useState } from 'react';
import type { ProviderRole } from '../../../core/case/enums';
import type { FeeScheduleView } from '../../../core/ipc/contract';
import type { Settings } from '../../../core/settings';
import { ConfirmDialog } from '../lib/confirm-dialog';
import { CellInput } from '../lib/field-controls';
import { formatRange, tidyMoneyText } from '../lib/text-parsers';
import { SaveRow, UnsavedMark, type SaveState } from './save-row';
import { refuseAtField } from './save-settings-group';
import type { SaveOutcome } from './unsaved-sections';
import { useUnsavedSection } from './use-unsaved-section';
import { useSettingsView } from './use-settings-view';

const loadFees = () => window.clinic.fees.get();
import { defaultFeeTexts, feeTextsFrom, toFeeOverrides, type FeeErrors, type FeeTexts } from './fee-overrides';

const providerLabels: Record<ProviderRole, string> = {
  facility: 'Facility',
  physician: 'Physician',
  anesthesia: 'Anesthesia',
  imaging: 'Imaging',
};

/** The check speaks of the saved fees: while edits are pending it says so instead of a result. */
function RangeCheck({ view, unsaved }: { view: FeeScheduleView; unsaved: boolean }) {
  const range = formatRange(view.referenceRange);
  return (
    <div className="range-check" aria-labelledby="range-check-heading" role="group">
      <h3 id="range-check-heading" className="summary__subhead">
        Range check
      </h3>
      {unsaved ? (
        <p className="range-check__pending">Save the fee schedule to check these changes against the usual price range for this procedure.</p>
      ) : view.outOfRange.length === 0 ? (
        <p className="range-check__ok">
          <span aria-hidden="true">✓ </span>Every 1–3-level combination stays within the usual price range for this procedure, {range}.
        </p>
      ) : (
        <>
          <p className="range-check__bad">
            {view.outOfRange.length} combination{view.outOfRange.length === 1 ? '' : 's'} leave the usual price range for this procedure, {range}.
            Estimates will say so; they are never clamped.
          </p>
          <ul>
            {view.outOfRange.map((c) => (
              <li key={c.description}>
                {c.description}: {formatRange({ low: c.lowCents, high: c.highCents })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The amounts shown differ from the saved fee schedule. */
function feesUnsaved(view: FeeScheduleView, texts: FeeTexts): boolean {
  const saved = feeTextsFrom(view.lines);
  return view.lines.some((l) => saved[l.id]?.low !== texts[l.id]?.low || saved[l.id]?.high !== texts[l.id]?.high);
}

interface FeeScheduleEditorProps {
  /** The saved fee changes: when they change (an import, another window), the editor shows them. */
  feeOverrides: Settings['feeOverrides'];
  onSaved: (s: Settings) => void;
}

export function FeeScheduleEditor({ feeOverrides, onSaved }: FeeScheduleEditorProps) {
  const [texts, setTexts] = useState<FeeTexts>({});
  const [errors, setErrors] = useState<FeeErrors>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [confirmReset, setConfirmReset] = useState(false);
  const shown = useCallback((loaded: FeeScheduleView) => {
    setTexts(feeTextsFrom(loaded.lines));
    setErrors({});
  }, []);
  const { view, loadError, refresh } = useSettingsView(loadFees, JSON.stringify(feeOverrides), shown);

  const store = async (nextTexts: FeeTexts, savedMessage: string): Promise<SaveOutcome> => {
    if (!view) return { kind: 'failed' };
    const { overrides, errors: found } = toFeeOverrides(view.lines, nextTexts);
    setErrors(found);
    const firstBad = Object.keys(found)[0];
    if (firstBad) return refuseAtField(`fee-${firstBad.replace('.', '-')}`, setSave, 'Please check the highlighted amounts; nothing was saved.');
    setSave({ kind: 'saving' });
    const r = await window.clinic.settings.update({ feeOverrides: { [view.procedureId]: overrides } });
    if (!r.ok) {
      setSave({ kind: 'error', message: r.error.message });
      return { kind: 'failed' };
    }
    onSaved(r.value);
    await refresh();
    setSave({ kind: 'saved', message: savedMessage });
    return { kind: 'saved' };
  };
  const unsaved = view !== null && feesUnsaved(view, texts);
  useUnsavedSection('fees', 'Fee schedule', unsaved, () => store(texts, 'Saved. Estimates now use these fees.'));

  if (loadError) return <section className="card" aria-labelledby="fees-heading"><h2 id="fees-heading">Fee schedule</h2><p role="alert" className="alert">{loadError}</p></section>;
  if (!view) return <section className="card" aria-labelledby="fees-heading"><h2 id="fees-heading">Fee schedule</h2><p>Loading the fee schedule…</p></section>;

  const setText = (id: string, end: 'low' | 'high', value: string) => {
    setTexts((t) => ({ ...t, [id]: { ...(t[id] ?? { low: '', high: '' }), [end]: value } }));
    setSave({ kind: 'idle' });
  };

  return (
    <section className="card" aria-labelledby="fees-heading">
      <h2 id="fees-heading">
        Fee schedule
        <UnsavedMark dirty={unsaved} />
      </h2>
      <p className="card__intro">The clinic&apos;s charges per line, in dollars. Estimates use these amounts.</p>
      <div className="table-wrap">
        <table className="fees">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Service</th>
              <th scope="col" id="fee-low-head">Low</th>
              <th scope="col" id="fee-high-head">High</th>
            </tr>
          </thead>
          <tbody>
            {view.lines.map((line) => (
              <tr key={line.id}>
                <td>{line.code}</td>
                <th scope="row" id={`fee-row-${line.id}`} className="fees__service">
                  {line.description}
                  <span className="fees__provider">
                    {' '}
                    ({providerLabels[line.provider]}
                    {line.separatelyScheduled ? ', scheduled separately' : ''})
                  </span>
                </th>
                {(['low', 'high'] as const).map((end) => {
                  const err = errors[`${line.id}.${end}`];
                  const id = `fee-${line.id}-${end}`;
                  return (
                    <td key={end}>
                      <CellInput
                        id={id}
                        labelledBy={`fee-${end}-head fee-row-${line.id}`}
                        value={texts[line.id]?.[end] ?? ''}
                        error={err}
                        onChange={(v) => setText(line.id, end, v)}
                        onBlur={(v) => setText(line.id, end, tidyMoneyText(v))}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RangeCheck view={view} unsaved={unsaved} />
      <SaveRow label="Save fee schedule" state={save} dirty={unsaved} onSave={() => void store(texts, 'Saved. Estimates now use these fees.')}>
        <button type="button" className="button" onClick={() => setConfirmReset(true)}>
          Reset to default fees
        </button>
      </SaveRow>
      <ConfirmDialog
        open={confirmReset}
        title="Reset every fee to the default schedule?"
        confirmLabel="Reset fees"
        cancelLabel="Keep my fees"
        destructive
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          const defaults = defaultFeeTexts(view.lines);
          setTexts(defaults);
          void store(defaults, 'Saved. The default fees are back.');
        }}
      >
        <p>The clinic&apos;s own amounts will be replaced by the default fee schedule.</p>
      </ConfirmDialog>
    </section>
  );
}
