/**
 * The engine's coverage presets (core/estimate/coverage-presets) as form text: sensible
 * starting values per coverage kind that staff can overwrite. Money "$283.00", percent "20".
 */
import { coveragePresets } from '../../../core/estimate/coverage-presets';
import type { CoverageKind } from '../../../core/estimate/types';
import { formatCents } from '../../../core/money';
import type { CoverageFieldName, FieldName } from './form-fields';

export type CoveragePreset = Partial<Record<CoverageFieldName, string | boolean>>;

/** The form does not know the year's Medicare figures: a blank Advantage maximum is filled in by the engine. */
const FORM_PRESETS = { medicareAdvantageOutOfPocketCents: null };

export function coveragePreset(kind: CoverageKind): CoveragePreset {
  const preset = coveragePresets(kind, FORM_PRESETS);
  if (!preset.insured) return {};
  // Original Medicare's terms are set by law: nothing to prefill but the network (it has none).
  if (kind === 'medicare') return { inNetwork: true };
  return {
    inNetwork: true,
    deductible: formatCents(preset.deductibleCents),
    coinsurancePercent: String(preset.coinsurancePercent),
    copay: formatCents(preset.copayCents),
    outOfPocketMax: preset.outOfPocketMaxCents === null ? '' : formatCents(preset.outOfPocketMaxCents),
  };
}

/**
 * Fields whose preset is only a typical plan's figure (commercial, Medicare Advantage). While
 * staff leave them untouched they are not sent, so the engine applies the same preset and
 * warns that typical values were used.
 */
export function typicalPresetFields(kind: CoverageKind): FieldName[] {
  const preset = coveragePresets(kind, FORM_PRESETS);
  return preset.typicalOnly ? ['deductible', 'coinsurancePercent', 'outOfPocketMax'] : [];
}
