/**
 * The engine's coverage presets (core/estimate/coverage-presets) as form text: sensible
 * starting values per coverage kind that staff can overwrite. Money "$283.00", percent "20".
 */
import { coveragePresets } from '../../../core/estimate/coverage-presets';
import type { CoverageKind } from '../../../core/estimate/types';
import { formatCents } from '../../../core/money';
import type { PacketDefaults } from '../../../core/settings';
import type { CoverageFieldName, FieldName } from './form-fields';

export type CoveragePreset = Partial<Record<CoverageFieldName, string | boolean>>;

export function coveragePreset(kind: CoverageKind, defaults: PacketDefaults): CoveragePreset {
  const preset = coveragePresets(kind, { medicareDeductibleCents: defaults.medicareDeductibleCents });
  if (!preset.insured) return {};
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
export function typicalPresetFields(kind: CoverageKind, defaults: PacketDefaults): FieldName[] {
  const preset = coveragePresets(kind, { medicareDeductibleCents: defaults.medicareDeductibleCents });
  return preset.typicalOnly ? ['deductible', 'coinsurancePercent', 'outOfPocketMax'] : [];
}
