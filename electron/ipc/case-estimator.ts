/**
 * The case pipeline as the handlers use it: core's validateCase (today's date, the catalog),
 * then the estimate with the clinic's current settings. The headless estimate command runs
 * the same function, so the app and the CLI answer a case identically.
 */
import { validateCase } from '../../core/case/validate-case';
import type { Case, Estimate } from '../../core/estimate/types';
import { fail, ok, type Result } from '../../core/result';
import type { EstimateService, EstimateSettings } from '../services/estimate-service';

export type CaseEstimator = (raw: unknown) => Result<{ case: Case; estimate: Estimate }>;

export function createCaseEstimator(deps: { estimates: EstimateService; settings: () => EstimateSettings; today: () => string }): CaseEstimator {
  return (raw) => {
    const checked = validateCase(raw, { today: deps.today(), catalog: deps.estimates.catalog.definitions });
    if (!checked.ok) return fail('invalid-input', 'Some details need fixing.', checked.issues);
    return ok({ case: checked.value.case, estimate: deps.estimates.estimate(checked.value, deps.settings()) });
  };
}
