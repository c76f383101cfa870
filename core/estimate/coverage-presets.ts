/**
 * Typical cost-sharing figures per coverage kind. The form prefills them; whatever staff
 * type wins. Original Medicare's deductible is a clinic setting (it changes every year).
 */
import { formatCents } from '../money';
import type { CostSharingUsed, Coverage, CoverageKind } from './types';

export interface CoveragePreset {
  /** false for self-pay / uninsured: no plan, a Good Faith Estimate instead. */
  insured: boolean;
  deductibleCents: number;
  coinsurancePercent: number;
  copayCents: number;
  /** null = no out-of-pocket maximum. */
  outOfPocketMaxCents: number | null;
  /** true when the figures are only typical and the patient's plan may differ a lot. */
  typicalOnly: boolean;
}

export interface PresetOptions {
  /**
   * The highest in-network out-of-pocket maximum Medicare lets an Advantage plan set, from the
   * year's rate file (the typical value when staff leave it blank); null where it is not known
   * (the form shows the field empty and the engine fills it).
   */
  medicareAdvantageOutOfPocketCents: number | null;
}

const noPlan: CoveragePreset = {
  insured: false,
  deductibleCents: 0,
  coinsurancePercent: 0,
  copayCents: 0,
  outOfPocketMaxCents: null,
  typicalOnly: false,
};

export function coveragePresets(kind: CoverageKind, options: PresetOptions): CoveragePreset {
  switch (kind) {
    case 'commercial':
      return { insured: true, deductibleCents: 180_000, coinsurancePercent: 20, copayCents: 0, outOfPocketMaxCents: 600_000, typicalOnly: true };
    case 'medicare':
      // Original Medicare's terms are set by law and come from the year's rate file (medicare-<year>.json).
      return { insured: true, deductibleCents: 0, coinsurancePercent: 20, copayCents: 0, outOfPocketMaxCents: null, typicalOnly: false };
    case 'medicare-advantage':
      return {
        insured: true,
        deductibleCents: 0,
        coinsurancePercent: 20,
        copayCents: 0,
        outOfPocketMaxCents: options.medicareAdvantageOutOfPocketCents,
        typicalOnly: true,
      };
    case 'medicaid':
      return { insured: true, deductibleCents: 0, coinsurancePercent: 0, copayCents: 0, outOfPocketMaxCents: null, typicalOnly: false };
    case 'self-pay':
    case 'uninsured':
      return noPlan;
  }
}

/** Good Faith Estimates go to uninsured and self-pay patients (45 CFR 149.610). */
export function isGoodFaithEstimateKind(kind: CoverageKind): boolean {
  return kind === 'self-pay' || kind === 'uninsured';
}

export type ResolvedCoverage = Omit<CostSharingUsed, 'network' | 'allowedFromStaff'> & {
  /** Plan figures that came from a typical-only preset, as "Coinsurance 20%" (empty: none). */
  typicalValuesUsed: string[];
};

type TypicalField = CostSharingUsed['typical'][number];

/** Staff values over presets, field by field. */
export function resolveCoverage(coverage: Coverage, options: PresetOptions): ResolvedCoverage {
  const preset = coveragePresets(coverage.kind, options);
  // A blank copay means "no copay"; the other three define the plan and are only guessed.
  const typical: string[] = [];
  const typicalFields: TypicalField[] = [];
  if (preset.typicalOnly) {
    if (coverage.deductibleCents === undefined) {
      typical.push(`Deductible ${formatCents(preset.deductibleCents)}`);
      typicalFields.push('deductible');
    }
    if (coverage.coinsurancePercent === undefined) {
      typical.push(`Coinsurance ${preset.coinsurancePercent}%`);
      typicalFields.push('coinsurance');
    }
    if (coverage.outOfPocketMaxCents === undefined) {
      typical.push(`Out-of-pocket maximum ${preset.outOfPocketMaxCents === null ? 'none' : formatCents(preset.outOfPocketMaxCents)}`);
      typicalFields.push('outOfPocketMax');
    }
  }
  return {
    deductibleCents: coverage.deductibleCents ?? preset.deductibleCents,
    deductibleMetCents: coverage.deductibleMetCents ?? 0,
    coinsurancePercent: coverage.coinsurancePercent ?? preset.coinsurancePercent,
    copayCents: coverage.copayCents ?? preset.copayCents,
    outOfPocketMaxCents: coverage.outOfPocketMaxCents === undefined ? preset.outOfPocketMaxCents : coverage.outOfPocketMaxCents,
    // Left blank: at least the deductible already met counts toward the maximum.
    outOfPocketMetCents: coverage.outOfPocketMetCents ?? coverage.deductibleMetCents ?? 0,
    typicalValuesUsed: typical,
    typical: typicalFields,
    copays: coverage.copays ?? {},
  };
}

/** The figures a plan's estimate used, as the summary and packet show them. */
export function costSharingUsed(coverage: ResolvedCoverage, network: CostSharingUsed['network'], allowedFromStaff: boolean, copays: CostSharingUsed['copays']): CostSharingUsed {
  return {
    network,
    deductibleCents: coverage.deductibleCents,
    deductibleMetCents: coverage.deductibleMetCents,
    coinsurancePercent: coverage.coinsurancePercent,
    copayCents: coverage.copayCents,
    outOfPocketMaxCents: coverage.outOfPocketMaxCents,
    outOfPocketMetCents: coverage.outOfPocketMetCents,
    allowedFromStaff,
    typical: coverage.typical,
    copays,
  };
}
