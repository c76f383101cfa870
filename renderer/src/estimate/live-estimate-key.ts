/**
 * What the live summary's answer depends on: the case as the form sends it, and the settings
 * the engine reads beside it (the fee schedule, the clinic's Medicare amounts, its payer
 * contracts and the defaults). A change to either asks the engine again; the clinic profile does not count.
 */
import type { CaseInput } from '../../../core/case/case-schema';
import { canonicalJson } from '../../../core/packet/reference';
import type { Settings } from '../../../core/settings';

/** The settings the estimate depends on, as a stable string (keys sorted: procedures, fee lines). */
export function estimateSettingsKey(settings: Pick<Settings, 'feeOverrides' | 'medicareRates' | 'payerContracts' | 'defaults'>): string {
  const d = settings.defaults;
  return canonicalJson({
    fees: settings.feeOverrides,
    medicare: settings.medicareRates,
    contracts: settings.payerContracts,
    defaults: [d.language, d.largePrint, d.selfPayDiscountPercent, d.depositPercent],
  });
}

interface KeyParts {
  settings: string;
  caseJson: CaseInput;
}

/** One key for a question to the engine; null while the form stops the estimate. */
export function liveEstimateKey(caseJson: CaseInput | null, settingsKey: string): string | null {
  if (caseJson === null) return null;
  const parts: KeyParts = { settings: settingsKey, caseJson };
  return JSON.stringify(parts);
}

/** The case a key was made from (to send to the engine). */
export function caseFromKey(key: string): CaseInput {
  return (JSON.parse(key) as KeyParts).caseJson;
}
