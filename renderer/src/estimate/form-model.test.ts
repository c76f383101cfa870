import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../core/settings';
import { fieldForPath } from './form-fields';
import { shippedProcedureData } from '../../../core/testing/shipped-procedure';
import { applyPreset, blockingLabels, blocksEstimate, caseJsonFor, firstErrorField, formErrors, fromDraft, initialValues, toCaseJson, toDraft } from './form-model';

const { procedure } = shippedProcedureData();
const validateForm = (values: Parameters<typeof formErrors>[0], day: string) => formErrors(values, { today: day, procedure });

const defaults = defaultSettings.defaults;
const today = '2026-03-01';

describe('presets', () => {
  it('fills Medicare defaults but keeps what staff typed, and loses nothing switching back', () => {
    const start = { ...initialValues(defaults), deductible: '$1,500.00', copay: '$250.00' };
    const edited = new Set(['deductible', 'copay'] as const);
    const medicare = applyPreset(start, 'medicare', edited, defaults);
    expect(medicare.deductible).toBe('$1,500.00');
    expect(medicare.coinsurancePercent).toBe('20');
    const back = applyPreset(medicare, 'commercial', edited, defaults);
    expect(back.copay).toBe('$250.00');
    expect(back.deductible).toBe('$1,500.00');
  });

  it('puts the Medicare deductible of the year from settings when staff have not typed one', () => {
    const medicare = applyPreset(initialValues(defaults), 'medicare', new Set(), defaults);
    expect(medicare.deductible).toBe('$283.00');
  });
});

describe('formErrors (text read by the form, rules by core)', () => {
  const filled = { ...initialValues(defaults), firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' };

  it('accepts a complete commercial case', () => {
    expect(validateForm(filled, today)).toEqual({});
  });

  it('says what is wanted for coinsurance 120, a future birth date and bad money', () => {
    const errors = validateForm({ ...filled, coinsurancePercent: '120', dateOfBirth: '01/01/2090', deductible: 'abc' }, today);
    expect(errors.coinsurancePercent).toMatch(/0 to 100/);
    expect(errors.dateOfBirth).toMatch(/future/);
    expect(errors.deductible).toMatch(/dollars/);
    expect(firstErrorField(errors, 'commercial')).toBe('dateOfBirth');
    expect(blocksEstimate(errors)).toBe(true);
  });

  it('ignores fields hidden for the coverage kind', () => {
    const errors = validateForm({ ...filled, coverageKind: 'uninsured', copay: 'lots' }, today);
    expect(errors).toEqual({});
  });

  it('refuses a scheduled date in the past at the field, without stopping the live estimate', () => {
    const past = validateForm({ ...filled, scheduledDate: '02/28/2026' }, today);
    expect(past.scheduledDate).toMatch(/scheduled date is in the past/);
    expect(blocksEstimate(past)).toBe(false);
    expect(blockingLabels(past, 'commercial')).toEqual([]);
    expect(firstErrorField(past, 'commercial')).toBe('scheduledDate');
    expect(validateForm({ ...filled, scheduledDate: '03/01/2026' }, today)).toEqual({});
    expect(validateForm({ ...filled, scheduledDate: 'next week' }, today).scheduledDate).toMatch(/MM\/DD\/YYYY/);
  });

  it('does not let missing patient details stop the live estimate', () => {
    const errors = validateForm(initialValues(defaults), today);
    expect(errors.firstName).toBeDefined();
    expect(blocksEstimate(errors)).toBe(false);
  });
});

describe('toCaseJson', () => {
  it('maps money text to dollars, dates to ISO and leaves out hidden or empty fields', () => {
    const values = {
      ...initialValues(defaults),
      firstName: ' Ana ',
      lastName: 'Ruiz',
      dateOfBirth: '3/4/1950',
      deductible: '$1,500.00',
      deductibleMet: '1,500.5',
      copay: '',
      payerName: 'Acme Health',
      levels: '2',
      scheduledDate: '2026-04-02',
    };
    const json = toCaseJson(values, procedure);
    expect(json.patient).toEqual({ firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '1950-03-04' });
    expect(json.coverage).toEqual({
      kind: 'commercial',
      payerName: 'Acme Health',
      network: 'in',
      deductible: 1500,
      deductibleMet: 1500.5,
      coinsurancePercent: 20,
      outOfPocketMax: 6000,
    });
    expect(json.procedure).toEqual({ id: procedure.id, levels: 2, site: 'hospital-outpatient', sedation: 'moderate', scheduledDate: '2026-04-02' });
    const uninsured = toCaseJson({ ...values, coverageKind: 'uninsured' }, procedure);
    expect(uninsured.coverage).toEqual({ kind: 'uninsured' });
  });

  it('leaves out typical plan presets staff did not touch, so the engine says they are typical', () => {
    const values = { ...initialValues(defaults), deductible: '$500.00' };
    const json = caseJsonFor(values, new Set(['deductible'] as const), { defaults, procedure });
    expect(json.coverage).toEqual({ kind: 'commercial', network: 'in', deductible: 500, copay: 0 });
    const medicare = applyPreset(initialValues(defaults), 'medicare', new Set(), defaults);
    expect(caseJsonFor(medicare, new Set(), { defaults, procedure }).coverage).toEqual({ kind: 'medicare', deductible: 283, coinsurancePercent: 20 });
  });

  it('uses a stand-in identity for the live estimate only', () => {
    const json = toCaseJson(initialValues(defaults), procedure, { estimateOnly: true });
    expect(json.patient.dateOfBirth).toBe('1950-01-01');
    expect(toCaseJson(initialValues(defaults), procedure).patient.firstName).toBe('');
  });

  it('leaves the scheduled date out of the live estimate only (the figures do not depend on it)', () => {
    const values = { ...initialValues(defaults), scheduledDate: '01/02/2020' };
    expect(toCaseJson(values, procedure, { estimateOnly: true }).procedure.scheduledDate).toBeUndefined();
    expect(caseJsonFor(values, new Set(), { defaults, procedure }).procedure.scheduledDate).toBe('2020-01-02');
  });
});

describe('draft', () => {
  it('round-trips values and which fields staff edited; ignores junk', () => {
    const values = { ...initialValues(defaults), firstName: 'Ana', coverageKind: 'medicaid' as const, largePrint: true };
    const draft = { ...toDraft(values, new Set(['firstName'] as const)), coverageKind: 'medicaid', site: 'moon', bogus: 'x' };
    const restored = fromDraft(draft, defaults, procedure);
    expect(restored.values.firstName).toBe('Ana');
    expect(restored.values.coverageKind).toBe('medicaid');
    expect(restored.values.site).toBe('hospital-outpatient');
    expect(restored.values.largePrint).toBe(true);
    expect([...restored.edited]).toEqual(['firstName']);
  });
});

describe('fieldForPath', () => {
  it('maps server issue paths to fields', () => {
    expect(fieldForPath('coverage.coinsurancePercent')).toBe('coinsurancePercent');
    expect(fieldForPath('patient.dateOfBirth')).toBe('dateOfBirth');
    expect(fieldForPath('procedure.levels')).toBe('levels');
    expect(fieldForPath('(input)')).toBeNull();
  });
});
