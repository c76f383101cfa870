/** The itemized lines behind the totals, grouped by who bills them, folded away by default. */
import type { Estimate, ProviderRole } from '../../../core/estimate/types';
import { formatRange } from '../lib/text-parsers';

const providerNames: Record<ProviderRole, string> = {
  facility: 'Facility',
  physician: 'Physician',
  anesthesia: 'Anesthesia provider',
  imaging: 'Imaging',
};

/** Display order: the clinic's own lines first; every role has a place (a new one fails to compile). */
const roleOrder: Record<ProviderRole, number> = { physician: 0, facility: 1, anesthesia: 2, imaging: 3 };
const roles = (Object.keys(roleOrder) as ProviderRole[]).sort((a, b) => roleOrder[a] - roleOrder[b]);

export function EstimateLines({ estimate }: { estimate: Estimate }) {
  return (
    <details className="lines">
      <summary>Itemized charges ({estimate.lines.length} lines)</summary>
      {roles
        .filter((role) => estimate.lines.some((l) => l.provider === role))
        .map((role) => (
          <div key={role}>
            <h3 className="summary__subhead">{providerNames[role]}</h3>
            <ul className="lines__list">
              {estimate.lines
                .filter((l) => l.provider === role)
                .map((l, i) => (
                  <li key={`${l.code}-${i}`}>
                    <span>
                      {l.code} {l.description}
                      {l.quantity > 1 ? ` ×${l.quantity}` : ''}
                    </span>
                    <span className="lines__amount">{l.included ? 'Included' : formatRange({ low: l.lowCents, high: l.highCents })}</span>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      {estimate.separatelyScheduled.length > 0 ? (
        <>
          <h3 className="summary__subhead">Scheduled separately, not in the totals</h3>
          <ul className="lines__list">
            {estimate.separatelyScheduled.map((l) => (
              <li key={l.code}>
                <span>
                  {l.code} {l.description}
                </span>
                <span className="lines__amount">{formatRange({ low: l.lowCents, high: l.highCents })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
