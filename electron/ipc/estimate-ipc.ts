/** The estimate feature: the procedure catalog, the fee schedule and Medicare rates views, the live estimate. */
import { ok } from '../../core/result';
import type { EstimateService } from '../services/estimate-service';
import type { SettingsService } from '../services/settings-service';
import type { CaseEstimator } from './case-estimator';
import type { FeatureHandlers } from './dispatch';

export interface EstimateIpcDeps {
  settings: Pick<SettingsService, 'get'>;
  estimates: EstimateService;
  estimateCase: CaseEstimator;
  /** The clinic's date, YYYY-MM-DD (the Medicare rate year shown follows it). */
  today: () => string;
}

export function createEstimateHandlers(deps: EstimateIpcDeps): FeatureHandlers<'procedures:list' | 'fees:get' | 'medicare:rates' | 'estimate:compute'> {
  return {
    'procedures:list': async () => ok(deps.estimates.catalog.definitions),
    'fees:get': async () => ok(deps.estimates.feeSchedule(deps.settings.get().feeOverrides)),
    'medicare:rates': async (request) => ok(deps.estimates.medicareRates(deps.settings.get().medicareRates, deps.today(), request.rateYear)),
    'estimate:compute': async (raw) => {
      const computed = deps.estimateCase(raw);
      return computed.ok ? ok(computed.value.estimate) : computed;
    },
  };
}
