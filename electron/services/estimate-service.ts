/**
 * The estimate engine behind the IPC handlers and the headless command: the procedure
 * catalog (loaded once) plus the clinic's fees, turning a validated case into an estimate.
 * Plain Node, no Electron. Validation happens once, before: core/case/validate-case.ts.
 */
import type { ValidCase } from '../../core/case/validate-case';
import { computeEstimate } from '../../core/estimate/estimate';
import { applyFeeOverrides, checkScheduleRange, type FeeOverrides } from '../../core/estimate/fee-schedule';
import type { ProcedureCatalog } from '../../core/estimate/procedure-catalog';
import type { FeeSchedule } from '../../core/estimate/procedure-schema';
import type { FeeLineView, FeeScheduleView, MedicareRatesView } from '../../core/ipc/contract';
import { chooseRateFile } from '../../core/estimate/medicare-rates';
import { figureRefs } from '../../core/estimate/medicare-schema';
import type { Estimate } from '../../core/estimate/types';
import type { Settings } from '../../core/settings';

/** The slice of Settings the estimate needs (a full Settings object fits). */
export interface EstimateSettings {
  feeOverrides: Settings['feeOverrides'];
  medicareRates: Settings['medicareRates'];
  payerContracts: Settings['payerContracts'];
  defaults: { selfPayDiscountPercent: number; depositPercent: number };
}

export interface EstimateService {
  catalog: ProcedureCatalog;
  /** The estimate for a validated case; its notes (how the case was read) come first among the warnings. */
  estimate(valid: ValidCase, settings: EstimateSettings): Estimate;
  /** A procedure's schedule (defaults + the clinic's overrides) for the settings screen; included lines are left out. */
  feeSchedule(feeOverrides: Settings['feeOverrides'], procedureId?: string): FeeScheduleView;
  /** A procedure's Medicare figures for a rate year (this year's by default), national and the clinic's, for Settings -> Medicare rates. */
  medicareRates(medicareRates: Settings['medicareRates'], today: string, rateYear?: number, procedureId?: string): MedicareRatesView;
}

const NO_OVERRIDES: FeeOverrides = {};

export function createEstimateService(catalog: ProcedureCatalog): EstimateService {
  // validateCase has checked the id against this catalog; anything else is a programming error.
  const entryFor = (id: string) => {
    const entry = catalog.get(id);
    if (entry === undefined) throw new RangeError('procedure not in the catalog');
    return entry;
  };
  return {
    catalog,
    estimate(valid, settings) {
      const { procedure, schedule: defaultSchedule, medicare } = entryFor(valid.case.procedure.id);
      const schedule = applyFeeOverrides(defaultSchedule, settings.feeOverrides[procedure.id] ?? NO_OVERRIDES);
      const computed = computeEstimate(valid.case, procedure, schedule, {
        selfPayDiscountPercent: settings.defaults.selfPayDiscountPercent,
        today: valid.today,
        medicare: { files: medicare, overrides: settings.medicareRates[procedure.id] ?? {} },
        payerContracts: settings.payerContracts,
        depositPercent: settings.defaults.depositPercent,
      });
      return valid.notes.length === 0 ? computed : { ...computed, warnings: [...valid.notes, ...computed.warnings] };
    },
    medicareRates(medicareRates, today, rateYear, procedureId = catalog.primary.procedure.id) {
      const { procedure, medicare } = entryFor(procedureId);
      const currentYear = Number(today.slice(0, 4));
      const file = chooseRateFile(medicare, rateYear ?? currentYear);
      if (file === null) throw new RangeError('procedure without a Medicare rate file');
      const clinic = medicareRates[procedure.id]?.[String(file.rateYear)] ?? {};
      return {
        procedureId: procedure.id,
        rateYear: file.rateYear,
        currentYear,
        years: medicare.map((f) => f.rateYear).sort((a, b) => a - b),
        figures: figureRefs(file).map((ref) => ({
          id: ref.id,
          label: ref.label,
          unit: ref.unit,
          nationalValue: ref.figure.value,
          clinicValue: Object.hasOwn(clinic, ref.id) ? (clinic[ref.id] ?? null) : null,
          source: ref.figure.source,
          confirmed: ref.figure.confirmed,
        })),
      };
    },
    feeSchedule(feeOverrides, procedureId = catalog.primary.procedure.id) {
      const { procedure, schedule: defaultSchedule } = entryFor(procedureId);
      const schedule = applyFeeOverrides(defaultSchedule, feeOverrides[procedure.id] ?? NO_OVERRIDES);
      const defaults = new Map([...defaultSchedule.lines, ...defaultSchedule.separatelyScheduled].map((l) => [l.id, l]));
      const summarize = (line: FeeSchedule['separatelyScheduled'][number], separatelyScheduled: boolean): FeeLineView => ({
        id: line.id,
        code: line.code,
        description: line.description,
        provider: line.provider,
        separatelyScheduled,
        defaultLowCents: defaults.get(line.id)?.lowCents ?? line.lowCents,
        defaultHighCents: defaults.get(line.id)?.highCents ?? line.highCents,
        lowCents: line.lowCents,
        highCents: line.highCents,
      });
      return {
        procedureId: procedure.id,
        lines: [
          ...schedule.lines.filter((l) => l.included !== true).map((l) => summarize(l, false)),
          ...schedule.separatelyScheduled.map((l) => summarize(l, true)),
        ],
        outOfRange: checkScheduleRange(procedure, schedule),
        referenceRange: { low: procedure.referenceRange.lowCents, high: procedure.referenceRange.highCents },
      };
    },
  };
}
