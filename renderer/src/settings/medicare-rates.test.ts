import { describe, expect, it } from 'vitest';
import type { MedicareFigureView } from '../../../core/ipc/contract';
import { figureText, rateTextsFrom, toRateOverrides } from './medicare-rates';

const figure = (id: string, unit: MedicareFigureView['unit'], nationalValue: number | null, clinicValue: number | null = null): MedicareFigureView => ({
  id,
  label: id,
  unit,
  nationalValue,
  clinicValue,
  source: 'test',
  confirmed: true,
});

const figures = [
  figure('physician.22511.nonFacility', 'cents', 177_392, 180_000),
  figure('hospitalOutpatient.22511.payment', 'cents', null),
  figure('anesthesia.conversionFactor', 'cents-per-unit', 2_049.76),
  figure('anesthesia.01942.baseUnits', 'units', 6),
  figure('physician.conversionFactor', 'dollars-per-rvu', 33.4009),
];

describe('Medicare rates in Settings', () => {
  it('shows each figure in its unit', () => {
    expect(figureText(figures[0] as MedicareFigureView, 177_392)).toBe('$1,773.92');
    expect(figureText(figures[2] as MedicareFigureView, 2_049.76)).toBe('$20.4976');
    expect(figureText(figures[3] as MedicareFigureView, 6)).toBe('6');
    expect(figureText(figures[1] as MedicareFigureView, null)).toBe('');
    expect(rateTextsFrom(figures)).toEqual({
      'physician.22511.nonFacility': '$1,800.00',
      'hospitalOutpatient.22511.payment': '',
      'anesthesia.conversionFactor': '',
      'anesthesia.01942.baseUnits': '',
    });
  });

  it("turns typed amounts into the clinic's figures; blank keeps the national one", () => {
    const { overrides, errors } = toRateOverrides(figures, {
      'physician.22511.nonFacility': '',
      'hospitalOutpatient.22511.payment': '7,012.50',
      'anesthesia.conversionFactor': '$21.0455',
      'anesthesia.01942.baseUnits': '5',
    });
    expect(errors).toEqual({});
    expect(overrides).toEqual({ 'hospitalOutpatient.22511.payment': 701_250, 'anesthesia.conversionFactor': 2_104.55, 'anesthesia.01942.baseUnits': 5 });
  });

  it('names each figure it cannot read and says what is wanted', () => {
    const { errors } = toRateOverrides(figures, { 'hospitalOutpatient.22511.payment': 'a lot', 'anesthesia.conversionFactor': '20.49761', 'anesthesia.01942.baseUnits': 'six' });
    expect(Object.keys(errors)).toEqual(['hospitalOutpatient.22511.payment', 'anesthesia.conversionFactor', 'anesthesia.01942.baseUnits']);
    expect(errors['anesthesia.conversionFactor']).toMatch(/4 decimals/);
  });

  it('says where commas go when an amount has one for cents', () => {
    const { errors } = toRateOverrides(figures, { 'hospitalOutpatient.22511.payment': '1,50' });
    expect(errors['hospitalOutpatient.22511.payment']).toBe('Use a period for cents (1.50) and commas only between thousands (1,500).');
  });
});
