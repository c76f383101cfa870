/**
 * The case pipeline as the handlers use it: core's validateCase (today's date, the catalog),
 * then the estimate with the clinic's current settings. The headless estimate command runs
 * the same function, so the app and the CLI answer a case identically.
 */
import { validateCase, type ValidCase } from '../../core/case/validate-case';
import type { Case, Estimate } from '../../core/estimate/types';
import { fail, ok, type Result } from '../../core/result';
import type { EstimateService, EstimateSettings } from '../services/estimate-service';

export type CaseEstimator = (raw: unknown) => Result<{ case: Case; estimate: Estimate }>;

export function validateWith(estimates: EstimateService, today: string) {
  return (raw: unknown): Result<ValidCase> => {
    const checked = validateCase(raw, { today, catalog: estimates.catalog.definitions });
    return checked.ok ? ok(checked.value) : fail('invalid-input', 'Some details need fixing.', checked.issues);
  };
}

export function createCaseEstimator(deps: { estimates: EstimateService; settings: () => EstimateSettings; today: () => string }): CaseEstimator {
  return (raw) => {
    const checked = validateWith(deps.estimates, deps.today())(raw);
    if (!checked.ok) return checked;
    return ok({ case: checked.value.case, estimate: deps.estimates.estimate(checked.value, deps.settings()) });
  };
}
