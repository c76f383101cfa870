/**
 * Past estimates: every packet printed or saved on this computer (or, with the clinic's shared
 * records, at any front desk), found by the patient's name (any part; shared: whole name parts
 * or their beginning), date of birth, the date issued or the reference. Each can be printed or saved
 * again exactly as first issued, revised (the New estimate form opens filled from it), deleted
 * (after asking; audited), and checked against what each provider billed. What start-up found
 * (records not kept, purged, unreadable, a broken audit trail) is said at the top.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { RecordRevision, RecordRow, RecordsStatus } from '../../../core/ipc/contract';
import type { AppError } from '../../../core/result';
import { ConfirmDialog } from '../lib/confirm-dialog';
import { TextField } from '../lib/field-controls';
import { RECORD_COLUMNS, RecordGroup } from './record-group';
import { issuedDate, searchHint, searchSummary, statusNotices } from './record-format';
import { useRecordSearch } from './use-record-search';
import './records.css';

interface RecordsScreenProps {
  /** Settings → Records and privacy: how long records are kept. */
  retentionYears: number;
  /** The New estimate form holds typed details that Revise would replace: ask first. */
  formInUse: boolean;
  /** Open the New estimate form filled from the record, to revise it. */
  onRevise: (revision: RecordRevision, row: RecordRow) => void;
}

const SEARCH_ID = 'records-find';

type Message = { tone: 'ok' | 'problem'; text: string } | null;

function useRecordsStatus(): RecordsStatus | AppError | null {
  const [status, setStatus] = useState<RecordsStatus | AppError | null>(null);
  useEffect(() => {
    let live = true;
    void window.clinic.records.status().then((r) => {
      if (live) setStatus(r.ok ? r.value : r.error);
    });
    return () => {
      live = false;
    };
  }, []);
  return status;
}

export function RecordsScreen({ retentionYears, formInUse, onRevise }: RecordsScreenProps) {
  const titleId = useId();
  const status = useRecordsStatus();
  const available = status !== null && 'available' in status && status.available;
  // The clinic's shared records (machine policy): found on the server, issued at every front desk.
  const shared = status !== null && 'available' in status && status.shared !== null;
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const search = useRecordSearch(query, version, available);
  const [updated, setUpdated] = useState<Readonly<Record<string, RecordRow>>>({});
  const [deleting, setDeleting] = useState<RecordRow | null>(null);
  const [confirmRevise, setConfirmRevise] = useState<RecordRow | null>(null);
  const [message, setMessage] = useState<Message>(null);

  const answer = search.answer;
  const result = answer?.status === 'done' ? answer.result : null;
  const rows = (result?.rows ?? []).map((row) => updated[row.id] ?? row);
  const queryError = answer?.status === 'failed' ? answer.error.issues.find((i) => i.path === 'query')?.message : undefined;
  const searchProblem = answer?.status === 'failed' && queryError === undefined ? answer.error.message : null;
  const notices = status === null ? [] : 'available' in status ? statusNotices(status, retentionYears, result?.unreadable) : [];

  const revise = useCallback(
    async (row: RecordRow) => {
      setConfirmRevise(null);
      setMessage(null);
      const r = await window.clinic.records.revise({ id: row.id });
      if (r.ok) onRevise(r.value, row);
      else setMessage({ tone: 'problem', text: `${row.reference} could not be opened for revising: ${r.error.message}` });
    },
    [onRevise],
  );

  const remove = async (row: RecordRow) => {
    setDeleting(null);
    setMessage(null);
    const r = await window.clinic.records.delete({ id: row.id });
    if (!r.ok) return setMessage({ tone: 'problem', text: `${row.reference} was not deleted: ${r.error.message}` });
    setMessage({ tone: 'ok', text: `${row.reference} was deleted.` });
    setVersion((v) => v + 1);
    document.getElementById(SEARCH_ID)?.focus();
  };

  return (
    <section className="records" aria-labelledby={titleId}>
      <h1 id={titleId} className="screen-title">
        Past estimates
      </h1>
      {available ? (
        <p className="records__intro">
          Every estimate printed or saved {shared ? 'at the clinic’s front desks' : 'on this computer'}, kept {retentionYears} {retentionYears === 1 ? 'year' : 'years'}. Print or
          save one again exactly as the patient got it, revise it, or note what each provider billed.
        </p>
      ) : null}
      {status === null ? <p className="loading">Opening the records…</p> : null}
      {status !== null && !('available' in status) ? (
        <p role="alert" className="alert">
          {status.message}
        </p>
      ) : null}
      {notices.length > 0 ? (
        <div className="records__notices">
          {notices.map((n) => (
            <p key={n.text} className={n.tone === 'problem' ? 'alert' : 'notice records__info'}>
              {n.text}
            </p>
          ))}
        </div>
      ) : null}
      {available ? (
        <>
          <div role="search" aria-label="Past estimates" className="records__search">
            <TextField
              id={SEARCH_ID}
              label="Find a patient"
              hint={searchHint(shared)}
              value={query}
              onChange={setQuery}
              error={queryError}
            />
          </div>
          <div className="records__results" aria-busy={search.busy}>
            <p role="status" className="records__summary">
              {result === null ? (search.busy ? 'Searching…' : '') : searchSummary(query, { rows: rows.length, more: result.more, moreAtLeast: result.moreAtLeast === true }, shared)}
            </p>
            <div role="alert" className="records__alert">
              {searchProblem ? <p className="alert">{searchProblem}</p> : null}
              {message?.tone === 'problem' ? <p className="alert">{message.text}</p> : null}
            </div>
            <p role="status" className="records__message">
              {message?.tone === 'ok' ? message.text : ''}
            </p>
            {rows.length > 0 ? (
              // In a narrow window (200% zoom) the table is wider than the window: it scrolls sideways, and says so.
              <>
                <p className="records__scroll-hint" id="records-scroll-hint">
                  The table is wider than the window: scroll it sideways (the bar under it, or Shift and the mouse wheel) to see every column.
                </p>
                <div className="table-wrap records__scroll" role="region" aria-label="Past estimates found" aria-describedby="records-scroll-hint" tabIndex={0}>
                  <table className="records__table">
                    <caption className="visually-hidden">Past estimates found</caption>
                    <thead>
                      <tr>
                        {RECORD_COLUMNS.map((c) => (
                          <th key={c} scope="col">
                            {c}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    {rows.map((row) => (
                      <RecordGroup
                        key={row.id}
                        row={row}
                        onRevise={(r) => (formInUse ? setConfirmRevise(r) : void revise(r))}
                        onDelete={setDeleting}
                        onUpdated={(r) => setUpdated((u) => ({ ...u, [r.id]: r }))}
                      />
                    ))}
                  </table>
                </div>
              </>
            ) : null}
          </div>
        </>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this estimate?"
        confirmLabel="Delete estimate"
        cancelLabel="Keep it"
        destructive
        onConfirm={() => deleting !== null && void remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        {deleting ? (
          <p>
            {deleting.reference} for {deleting.patientName}, issued {issuedDate(deleting.issuedAt)}, will be deleted from {shared ? 'the clinic’s shared records' : 'this computer'} and cannot be printed again.
            The deletion is noted in the audit trail.
          </p>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmRevise !== null}
        title="Replace the New estimate form?"
        confirmLabel="Open it for revising"
        cancelLabel="Keep the form"
        onConfirm={() => confirmRevise !== null && void revise(confirmRevise)}
        onCancel={() => setConfirmRevise(null)}
      >
        <p>The New estimate form has details typed for another estimate. They will be cleared, and {confirmRevise?.reference} opened in their place.</p>
      </ConfirmDialog>
    </section>
  );
}
