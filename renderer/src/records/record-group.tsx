/**
 * One record in Past estimates: its row of facts, then its buttons (Reprint and Save PDF again
 * give the bytes first issued; Revise and Delete are the screen's, which asks first), and what
 * each provider billed once entered. A <tbody> of its own, so the two rows stay one record.
 */
import { useId, useRef, useState } from 'react';
import type { RecordRow } from '../../../core/ipc/contract';
import type { Result } from '../../../core/result';
import { RecordBillsPanel } from './record-bills-panel';
import { birthDate, issuedDate, issuedTime, kindLabels, patientFigure, revisionLinks } from './record-format';

export const RECORD_COLUMNS = ['Patient', 'Date of birth', 'Issued', 'Kind', 'Patient may owe', 'Prepared by', 'Reference'] as const;

interface RecordGroupProps {
  row: RecordRow;
  onRevise: (row: RecordRow) => void;
  onDelete: (row: RecordRow) => void;
  onUpdated: (row: RecordRow) => void;
}

type Outcome = { tone: 'ok' | 'problem'; text: string } | null;

export function RecordGroup({ row, onRevise, onDelete, onUpdated }: RecordGroupProps) {
  const base = useId();
  const nameId = `${base}-name`;
  const referenceId = `${base}-reference`;
  const billsId = `${base}-bills`;
  const [busy, setBusy] = useState<'reprint' | 'save' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [editingBills, setEditingBills] = useState(false);
  const billsButton = useRef<HTMLButtonElement>(null);
  const billed = row.providers.some((p) => p.billedCents !== null);
  // The buttons say which record they act on to a screen reader (their names stay short).
  const about = `${nameId} ${referenceId}`;

  /** Reprint or save again: the main side gives the bytes first issued; its answer said plainly. */
  const act = async <T,>(kind: 'reprint' | 'save', call: () => Promise<Result<T>>, said: (value: T) => string) => {
    setBusy(kind);
    setOutcome(null);
    const r = await call();
    setBusy(null);
    setOutcome(r.ok ? { tone: 'ok', text: said(r.value) } : { tone: 'problem', text: r.error.message });
  };
  const reprint = () =>
    act('reprint', () => window.clinic.records.reprint({ id: row.id }), (v) =>
      v.printed ? `${row.reference} was sent to the printer, exactly as first issued.` : 'Printing was cancelled; nothing was printed.',
    );
  const saveAgain = () =>
    act('save', () => window.clinic.records.saveAgain({ id: row.id }), (v) => (v.saved ? `Saved to ${v.path}` : 'Not saved: the save window was closed.'));

  const closeBills = (saved: RecordRow | null) => {
    setEditingBills(false);
    if (saved !== null) {
      onUpdated(saved);
      setOutcome({ tone: 'ok', text: 'Saved what each provider billed.' });
    }
    billsButton.current?.focus();
  };

  return (
    <tbody className="record">
      <tr className="record__facts">
        <th scope="row" id={nameId} className="record__name">
          {row.patientName}
        </th>
        <td>{birthDate(row.dateOfBirth)}</td>
        <td>
          {issuedDate(row.issuedAt)} <span className="record__time">{issuedTime(row.issuedAt)}</span>
        </td>
        <td>{kindLabels[row.kind]}</td>
        <td className="record__figure">{patientFigure(row)}</td>
        <td>{row.preparedBy === '' ? <span className="record__none">Not given</span> : row.preparedBy}</td>
        <td>
          <span id={referenceId} className="record__reference">
            {row.reference}
          </span>
          {revisionLinks(row).map((line) => (
            <span key={line} className="record__link">
              {line}
            </span>
          ))}
        </td>
      </tr>
      <tr className="record__more">
        <td colSpan={RECORD_COLUMNS.length}>
          <div className="record__buttons">
            <button type="button" className="button" aria-describedby={about} onClick={() => void reprint()} disabled={busy !== null}>
              Reprint
            </button>
            <button type="button" className="button" aria-describedby={about} onClick={() => void saveAgain()} disabled={busy !== null}>
              Save PDF again
            </button>
            <button type="button" className="button" aria-describedby={about} onClick={() => onRevise(row)} disabled={busy !== null}>
              Revise
            </button>
            <button
              type="button"
              ref={billsButton}
              className="button"
              aria-describedby={about}
              aria-expanded={editingBills}
              aria-controls={billsId}
              onClick={() => (editingBills ? closeBills(null) : setEditingBills(true))}
            >
              What each provider billed
            </button>
            <button type="button" className="button button--danger-outline" aria-describedby={about} onClick={() => onDelete(row)} disabled={busy !== null}>
              Delete
            </button>
          </div>
          <p role="status" className="record__status">
            {busy === 'reprint' ? 'Sending to the printer…' : busy === 'save' ? 'Saving the PDF…' : outcome?.tone === 'ok' ? outcome.text : ''}
          </p>
          <div role="alert">{outcome?.tone === 'problem' ? <p className="alert">{outcome.text}</p> : null}</div>
          {editingBills || billed ? (
            <RecordBillsPanel
              key={editingBills ? 'editing' : 'shown'}
              id={billsId}
              row={row}
              editing={editingBills}
              onSaved={(saved) => closeBills(saved)}
              onCancel={() => closeBills(null)}
            />
          ) : null}
        </td>
      </tr>
    </tbody>
  );
}
