/**
 * The live summary, a region named "Estimate": total charges, what the patient pays and why,
 * what insurance pays, warnings in plain words, and the Good Faith Estimate badge.
 */
import type { GoodFaithTiming } from '../../../core/estimate/good-faith-timing';
import type { Estimate, ProviderRole } from '../../../core/estimate/types';
import { fieldDefs, fieldForPath } from './form-fields';
import { formatRange } from '../lib/text-parsers';
import { EstimateLines } from './estimate-lines';
import type { LiveEstimate } from './use-live-estimate';

type BreakdownKey = 'copayCents' | 'deductibleCents' | 'coinsuranceCents' | 'balanceBillCents' | 'secondaryCents';

const breakdownRows: { key: BreakdownKey; label: string }[] = [
  { key: 'copayCents', label: 'Copay' },
  { key: 'deductibleCents', label: 'Deductible' },
  { key: 'coinsuranceCents', label: 'Coinsurance' },
  { key: 'balanceBillCents', label: 'Balance bill (out of network)' },
  { key: 'secondaryCents', label: 'Paid by supplement' },
];

const shownOnlyWhenUsed: BreakdownKey[] = ['balanceBillCents', 'secondaryCents'];

const roleLabels: Record<ProviderRole, string> = {
  physician: 'Doctor',
  facility: 'Facility',
  anesthesia: 'Anesthesia',
  imaging: 'Imaging',
};

const isMedicareRates = (e: Estimate): boolean => e.medicare !== null;


/** Each billing provider's part: what the patient pays (and any supplement), with the approved amount under the name. */
function Providers({ estimate }: { estimate: Estimate }) {
  if (!isMedicareRates(estimate) && estimate.allowedSource !== 'payer-contract' && estimate.secondary.high === 0) return null;
  const withSecondary = estimate.secondary.high > 0;
  return (
    <table className="summary__providers">
      <caption>Each provider&apos;s part</caption>
      <thead>
        <tr>
          <th scope="col">Provider</th>
          {withSecondary ? <th scope="col">{isMedicareRates(estimate) ? 'Supplement pays' : 'Second plan pays'}</th> : null}
          <th scope="col">Patient pays</th>
        </tr>
      </thead>
      <tbody>
        {estimate.providers.map((p) => (
          <tr key={p.role}>
            <th scope="row">
              {roleLabels[p.role]}
              <span className="summary__approved">
                {p.allowedSource === 'charges' ? 'charges' : isMedicareRates(estimate) ? 'approved' : 'allowed'} {formatRange(p.allowed)}
              </span>
            </th>
            {withSecondary ? <td>{formatRange(p.secondary)}</td> : null}
            <td>{formatRange(p.patient)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The payer contract used, and what to collect before the day. */
function ContractAndPayments({ estimate }: { estimate: Estimate }) {
  const p = estimate.payments;
  const due = p.dueBeforeProcedure.high > 0 || p.alreadyPaidCents > 0 || p.plan !== null;
  return (
    <>
      {estimate.contract !== null ? (
        <p className="summary__note summary__contract">Based on the plan&apos;s contracted rates: payer contract &quot;{estimate.contract}&quot;.</p>
      ) : null}
      {due ? (
        <dl className="summary__figures" aria-label="Money before the procedure">
          {p.alreadyPaidCents > 0 ? (
            <div className="summary__row">
              <dt>Already paid</dt>
              <dd>{formatRange({ low: p.alreadyPaidCents, high: p.alreadyPaidCents })}</dd>
            </div>
          ) : null}
          <div className="summary__row summary__row--key">
            <dt>Due before your procedure</dt>
            <dd>{formatRange(p.dueBeforeProcedure)}</dd>
          </div>
          {p.plan !== null ? (
            <div className="summary__row">
              <dt>Payment plan, {p.plan.months} monthly payments of</dt>
              <dd>{formatRange(p.plan.monthly)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </>
  );
}

/** Which Medicare figures the estimate used, in one line. */
function MedicareNote({ estimate }: { estimate: Estimate }) {
  const m = estimate.medicare;
  if (m === null) return null;
  const which = m.clinicFigures.length === 0 ? `Medicare's ${m.rateYear} national amounts` : `Medicare's ${m.rateYear} amounts, with the clinic's own for: ${m.clinicFigures.join('; ')}`;
  return <p className="summary__note">{which}.</p>;
}

function Breakdown({ estimate }: { estimate: Estimate }) {
  const { low, high } = estimate.patientBreakdown;
  // Original Medicare has no copays.
  const rows = breakdownRows.filter(
    (r) => (!shownOnlyWhenUsed.includes(r.key) || low[r.key] > 0 || high[r.key] > 0) && !(r.key === 'copayCents' && estimate.medicare?.plan === 'original'),
  );
  return (
    <dl className="summary__breakdown" aria-label="Patient pays, broken down">
      {rows.map((r) => (
        <div key={r.key} className="summary__row">
          <dt>{r.key === 'secondaryCents' && !isMedicareRates(estimate) ? 'Paid by second plan' : r.label}</dt>
          <dd>{r.key === 'secondaryCents' ? `−${formatRange({ low: low[r.key], high: high[r.key] })}` : formatRange({ low: low[r.key], high: high[r.key] })}</dd>
        </div>
      ))}
    </dl>
  );
}

function Figures({ estimate }: { estimate: Estimate }) {
  const gfe = estimate.goodFaithEstimate;
  return (
    <>
      <dl className="summary__figures">
        <div className="summary__row">
          <dt>Total charges</dt>
          <dd>{formatRange(estimate.charges)}</dd>
        </div>
        {estimate.costSharing?.allowedFromStaff || isMedicareRates(estimate) ? (
          <div className="summary__row">
            <dt>{isMedicareRates(estimate) ? (estimate.allowedSource === 'charges' ? 'Medicare approved amount (part from charges)' : 'Medicare approved amount') : 'Plan allows'}</dt>
            <dd>{formatRange(estimate.allowed)}</dd>
          </div>
        ) : null}
        <div className="summary__row summary__row--key">
          <dt>Patient pays</dt>
          <dd>{formatRange(estimate.patient)}</dd>
        </div>
      </dl>
      {gfe ? (
        <>
          {/* The packet's Good Faith Estimate gives one expected charge per line: the high end. */}
          <p className="summary__note">
            The Good Faith Estimate gives the patient {formatRange({ low: estimate.patient.high, high: estimate.patient.high })}, the top of this range.
          </p>
          {estimate.selfPayDiscountPercent > 0 ? (
            <p className="summary__note">Includes the clinic&apos;s self-pay discount of {estimate.selfPayDiscountPercent}%. It is off the clinic&apos;s own charges only: the facility and anesthesia provider set their own.</p>
          ) : null}
        </>
      ) : (
        <>
          <Breakdown estimate={estimate} />
          <dl className="summary__figures">
            <div className="summary__row">
              <dt>{estimate.medicare?.plan === 'original' ? 'Medicare pays' : 'Insurance pays'}</dt>
              <dd>{formatRange(estimate.insurance)}</dd>
            </div>
            {estimate.secondary.high > 0 ? (
              <div className="summary__row">
                <dt>{isMedicareRates(estimate) ? 'Supplemental plan pays' : 'Second plan pays'}</dt>
                <dd>{formatRange(estimate.secondary)}</dd>
              </div>
            ) : null}
          </dl>
          <Providers estimate={estimate} />
          <MedicareNote estimate={estimate} />
        </>
      )}
      <ContractAndPayments estimate={estimate} />
      <p className="summary__note">
        Codes: {estimate.codes.join(', ')}. Usual price range for this procedure: {formatRange(estimate.referenceRange)}.
      </p>
    </>
  );
}

function Warnings({ estimate }: { estimate: Estimate }) {
  if (estimate.warnings.length === 0) return null;
  return (
    <div className="summary__warnings">
      <h3 className="summary__subhead">Please check</h3>
      <ul>
        {estimate.warnings.map((w) => (
          <li key={w.code}>{w.message}</li>
        ))}
      </ul>
    </div>
  );
}

interface EstimateSummaryProps {
  live: LiveEstimate;
  goodFaithKind: boolean;
  /** Labels of the fields whose text stops the estimate (e.g. "Deductible"). */
  blockingLabels: string[];
  /** What Settings still lacks before a Good Faith Estimate can be issued (each says where to fill it in). */
  notReady: readonly string[];
  /** When the Good Faith Estimate is due; null while the scheduled date has a problem. */
  timing: GoodFaithTiming | null;
}

/** The Good Faith Estimate's deadline for staff, and what Settings must hold before it is issued. */
function GoodFaithNotes({ notReady, timing }: Pick<EstimateSummaryProps, 'notReady' | 'timing'>) {
  return (
    <>
      {timing === null ? (
        <p className="summary__note">Fix the scheduled date to see when this Good Faith Estimate is due.</p>
      ) : (
        <div className="summary__due" aria-label="When it is due" role="group">
          <p className="summary__due-text">{timing.text}</p>
          <ul className="summary__due-notes">
            {timing.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {notReady.length > 0 ? (
        <div className="summary__warnings">
          <h3 className="summary__subhead">Before it can be issued</h3>
          <ul>
            {notReady.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function EstimateSummary({ live, goodFaithKind, blockingLabels, notReady, timing }: EstimateSummaryProps) {
  const showBadge = live.status === 'ready' ? live.estimate.goodFaithEstimate : goodFaithKind;
  return (
    <section className="summary" aria-labelledby="summary-heading" aria-busy={live.status === 'ready' && live.updating}>
      <div className="summary__head">
        <h2 id="summary-heading">Estimate</h2>
        {showBadge ? <p className="badge">Good Faith Estimate</p> : null}
      </div>
      {showBadge ? <p className="summary__note">For uninsured and self-pay patients (No Surprises Act).</p> : null}
      <div className="summary__body">
        {live.status === 'waiting' ? <p className="summary__placeholder">Working out the estimate…</p> : null}
        {live.status === 'paused' ? (
          <div className="summary__placeholder">
            <p>The estimate is paused until these fields are fixed:</p>
            <ul>
              {blockingLabels.map((label) => (
                <li key={label}>{label}</li>
              ))}
              {live.problems.map((p) => {
                const field = fieldForPath(p.path);
                return <li key={p.path}>{field ? `${fieldDefs[field].label}: ${p.message}` : p.message}</li>;
              })}
            </ul>
          </div>
        ) : null}
        {live.status === 'failed' ? <p className="summary__placeholder">The estimate could not be worked out: {live.message}</p> : null}
        {live.status === 'ready' ? <Figures estimate={live.estimate} /> : null}
        {/* After the money (which must stay in view), before the rest. */}
        {showBadge ? <GoodFaithNotes notReady={notReady} timing={timing} /> : null}
        {live.status === 'ready' ? (
          <>
            <Warnings estimate={live.estimate} />
            <EstimateLines estimate={live.estimate} />
          </>
        ) : null}
      </div>
    </section>
  );
}
