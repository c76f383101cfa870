/**
 * Under a record: each provider's estimate, what it billed and the difference, with the
 * patient's dispute right flagged (a Good Faith Estimate provider $400 or more above its total,
 * as the main side marks it). `editing`: the bills are boxes to type in, saved with setBills.
 */
import { useEffect, useId, useState } from 'react';
import type { BillingRole } from '../../../core/case/enums';
import type { RecordRow } from '../../../core/ipc/contract';
import { formatCents } from '../../../core/money';
import { CellInput } from '../lib/field-controls';
import { tidyMoneyText } from '../lib/text-parsers';
import { billIssuesByRole, billTexts, readBills, type BillErrors, type BillTexts } from './record-bills';
import { differenceText, disputeMessages } from './record-format';

interface RecordBillsPanelProps {
  row: RecordRow;
  editing: boolean;
  id: string;
  /** The bills were saved: the record as the main side now has it. */
  onSaved: (row: RecordRow) => void;
  onCancel: () => void;
}

export function RecordBillsPanel({ row, editing, id, onSaved, onCancel }: RecordBillsPanelProps) {
  const base = useId();
  const [texts, setTexts] = useState<BillTexts>(() => billTexts(row));
  const [errors, setErrors] = useState<BillErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const goodFaith = row.kind === 'good-faith-estimate';
  const disputes = disputeMessages(row);
  const cellId = (role: BillingRole, part: string) => `${base}-${role}-${part}`;
  const firstInputId = row.providers[0] === undefined ? null : cellId(row.providers[0].role, 'input');

  useEffect(() => {
    if (editing && firstInputId !== null) document.getElementById(firstInputId)?.focus();
  }, [editing, firstInputId]);

  const focusFirstError = (found: BillErrors) => {
    const role = row.providers.find((p) => found[p.role] !== undefined)?.role;
    if (role !== undefined) document.getElementById(cellId(role, 'input'))?.focus();
  };

  const save = async () => {
    setProblem(null);
    const read = readBills(row, texts);
    if (!read.ok) {
      setErrors(read.errors);
      setProblem('Check the highlighted amounts: nothing was saved.');
      focusFirstError(read.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const r = await window.clinic.records.setBills(read.request);
    setBusy(false);
    if (r.ok) return onSaved(r.value);
    const atBoxes = billIssuesByRole(row, read.request, r.error.issues);
    setErrors(atBoxes);
    setProblem(`Nothing was saved: ${r.error.message}`);
    focusFirstError(atBoxes);
  };

  return (
    <div className="record-bills" id={id}>
      <table className="record-bills__table">
        <caption className="record-bills__caption">What each provider billed</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">{goodFaith ? 'Good Faith Estimate' : 'Estimated charges'}</th>
            <th scope="col" id={`${base}-billed`}>
              Billed
            </th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {row.providers.map((p) => (
            <tr key={p.role}>
              <th scope="row" id={cellId(p.role, 'name')}>
                {p.name}
              </th>
              <td>{formatCents(p.estimatedCents)}</td>
              <td>
                {editing ? (
                  <CellInput
                    id={cellId(p.role, 'input')}
                    labelledBy={`${base}-billed ${cellId(p.role, 'name')}`}
                    value={texts[p.role] ?? ''}
                    error={errors[p.role]}
                    onChange={(v) => setTexts((t) => ({ ...t, [p.role]: v }))}
                    onBlur={(v) => setTexts((t) => ({ ...t, [p.role]: tidyMoneyText(v) }))}
                  />
                ) : p.billedCents === null ? (
                  'Not entered'
                ) : (
                  formatCents(p.billedCents)
                )}
              </td>
              <td className={p.disputeRisk ? 'record-bills__over' : undefined}>{differenceText(p.differenceCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {disputes.length > 0 ? (
        <ul className="record-bills__disputes">
          {disputes.map((text) => (
            <li key={text}>
              <span aria-hidden="true">⚠ </span>
              {text}
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <>
          <p className="record-bills__hint">Type each amount as on the provider&apos;s bill, in dollars. Leave a box empty until that bill comes.</p>
          <div className="record-bills__buttons">
            <button type="button" className="button button--primary" onClick={() => void save()} disabled={busy}>
              Save what was billed
            </button>
            <button type="button" className="button" onClick={onCancel} disabled={busy}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
      <div role="alert">{problem ? <p className="alert">{problem}</p> : null}</div>
    </div>
  );
}
