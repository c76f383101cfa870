import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../core/settings';
import { diagnosisChoices, doctorChoices, doctorNotListed, fieldForPath, fieldOrder } from './form-fields';
import { shippedProcedureData } from '../../../core/testing/shipped-procedure';
import { caseJsonFor, toCaseJson } from './form-case-json';
import { applyPreset, blockingLabels, blocksEstimate, firstErrorField, formErrors, fromDraft, initialValues, toDraft } from './form-model';

const { procedure } = shippedProcedureData();
const validateForm = (values: Parameters<typeof formErrors>[0], day: string) => formErrors(values, { today: day, procedure });

const defaults = defaultSettings.defaults;
const today = '2026-03-01';

describe('presets', () => {
  it('keeps what staff typed across coverage kinds, and loses nothing switching back', () => {
    const start = { ...initialValues(defaults), deductible: '$1,500.00', copay: '$250.00' };
    const edited = new Set(['deductible', 'copay'] as const);
    const advantage = applyPreset(start, 'medicare-advantage', edited);
    expect(advantage.deductible).toBe('$1,500.00');
    expect(advantage.coinsurancePercent).toBe('20');
    const back = applyPreset(applyPreset(advantage, 'medicare', edited), 'commercial', edited);
    expect(back.copay).toBe('$250.00');
    expect(back.deductible).toBe('$1,500.00');
  });

  it("leaves a Medicare Advantage plan's out-of-pocket maximum empty: the engine uses the year's limit and says it is typical", () => {
    const advantage = applyPreset(initialValues(defaults), 'medicare-advantage', new Set());
    expect(advantage.outOfPocketMax).toBe('');
  });
});

describe('commercial plans on the form (issue 10)', () => {
  const filled = { ...initialValues(defaults), firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' };

  it('sends copays and networks per provider, no maximum, the plan year, a second plan and the payments', () => {
    const values = {
      ...filled,
      site: 'hospital-outpatient' as const,
      sedation: 'anesthesia' as const,
      facilityCopay: '$250.00',
      anesthesiaInNetwork: false,
      noOutOfPocketMax: true,
      outOfPocketMax: '$6,000.00',
      planYearStart: '7/1',
      hasSecondary: true,
      secondaryDeductible: '$500.00',
      secondaryCoinsurance: '20',
      alreadyPaid: '$100.00',
      planMonths: '6',
    };
    const json = toCaseJson(values, procedure);
    expect(json.coverage).toMatchObject({
      copays: { facility: 250 },
      networkByProvider: { anesthesia: 'out' },
      outOfPocketMax: null,
      planYearStart: '07-01',
      secondary: { kind: 'commercial', deductible: 500, coinsurancePercent: 20, outOfPocketMax: null },
    });
    expect(json.coverage.copay).toBeUndefined();
    expect(json.payments).toEqual({ alreadyPaid: 100, planMonths: 6 });
    expect(validateForm(values, today)).toEqual({});
    expect(toCaseJson({ ...values, hasSecondary: false }, procedure).coverage.secondary).toBeUndefined();
    expect(toCaseJson({ ...values, site: 'office', sedation: 'local' }, procedure).coverage.networkByProvider).toBeUndefined();
  });

  it('says what is wanted for a plan year start, a payment plan and a second plan left incomplete', () => {
    const errors = validateForm({ ...filled, planYearStart: '13/45', planMonths: 'six', hasSecondary: true, secondaryDeductible: '$100.00' }, today);
    expect(errors.planYearStart).toMatch(/like 07\/01/);
    expect(errors.planMonths).toMatch(/2 to 60/);
    expect(errors.secondaryCoinsurance).toMatch(/percentage/);
    expect(validateForm({ ...filled, planMonths: '1' }, today).planMonths).toMatch(/2 to 60/);
  });
});

describe('Original Medicare and Medicare Advantage on the form', () => {
  const filled = { ...initialValues(defaults), firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' };

  it('sends only what Original Medicare takes: the deductible met and the supplement, with its own fields', () => {
    const values = { ...filled, coverageKind: 'medicare' as const, deductible: '$500.00', coinsurancePercent: '10', deductibleMet: '$100.00', supplement: 'medigap-G-high' as const, medigapDeductibleMet: '$1,200.00', medigapOutOfPocketMet: '$50.00' };
    expect(toCaseJson(values, procedure).coverage).toEqual({ kind: 'medicare', deductibleMet: 100, supplement: { kind: 'medigap', plan: 'G-high', deductibleMet: 1200 } });
    expect(toCaseJson({ ...values, supplement: 'medicaid-qmb' }, procedure).coverage.supplement).toEqual({ kind: 'medicaid', qmb: true });
    expect(toCaseJson({ ...values, supplement: 'medicaid' }, procedure).coverage.supplement).toEqual({ kind: 'medicaid', qmb: false });
    expect(toCaseJson({ ...values, supplement: 'other', supplementPaysPercent: '80' }, procedure).coverage.supplement).toEqual({ kind: 'other', paysPercent: 80 });
    expect(toCaseJson({ ...values, supplement: 'none' }, procedure).coverage.supplement).toBeUndefined();
    expect(validateForm({ ...values, supplement: 'other' }, today).supplementPaysPercent).toMatch(/Enter the share the other plan pays/);
    expect(validateForm(values, today)).toEqual({});
  });

  it('sends Medicare Advantage copays per provider, and never the one copay', () => {
    const values = { ...filled, coverageKind: 'medicare-advantage' as const, copay: '$999.00', facilityCopay: '$300.00', doctorCopay: '$45.00' };
    const coverage = toCaseJson(values, procedure).coverage;
    expect(coverage.copays).toEqual({ facility: 300, physician: 45 });
    expect(coverage.copay).toBeUndefined();
    expect(validateForm({ ...values, anesthesiaCopay: 'lots' }, today).anesthesiaCopay).toMatch(/dollars/);
  });

  it('shows a core issue about the supplement at its own field', () => {
    expect(fieldForPath('coverage.supplement.paysPercent')).toBe('supplementPaysPercent');
    expect(fieldForPath('coverage.supplement.plan')).toBe('supplement');
    expect(fieldForPath('coverage.copays.facility')).toBe('facilityCopay');
    expect(fieldForPath('coverage.copay')).toBe('copay');
  });

  it('restores the supplement and the copays from a draft', () => {
    const values = { ...filled, coverageKind: 'medicare' as const, supplement: 'medigap-K' as const, medigapOutOfPocketMet: '$10.00', facilityCopay: '$1.00' };
    const { values: restored } = fromDraft(toDraft(values, new Set(['supplement'])), defaults, procedure);
    expect(restored.supplement).toBe('medigap-K');
    expect(restored.medigapOutOfPocketMet).toBe('$10.00');
    expect(restored.facilityCopay).toBe('$1.00');
    expect(fromDraft({ ...toDraft(values, new Set()), supplement: 'medigap-Z' }, defaults, procedure).values.supplement).toBe('none');
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

  it('says where commas go when an amount has one for cents ("1,50" is not $150.00)', () => {
    const errors = validateForm({ ...filled, deductible: '1,50', copay: '1,500' }, today);
    expect(errors.deductible).toBe('Use a period for cents (1.50) and commas only between thousands (1,500).');
    expect(errors.copay).toBeUndefined();
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
    const json = caseJsonFor(values, new Set(['deductible'] as const), { procedure });
    expect(json.coverage).toEqual({ kind: 'commercial', network: 'in', deductible: 500 });
    const advantage = applyPreset(initialValues(defaults), 'medicare-advantage', new Set());
    expect(caseJsonFor(advantage, new Set(), { procedure }).coverage).toEqual({ kind: 'medicare-advantage', network: 'in' });
    const medicare = applyPreset(initialValues(defaults), 'medicare', new Set());
    expect(caseJsonFor(medicare, new Set(), { procedure }).coverage).toEqual({ kind: 'medicare' });
  });

  it('uses a stand-in identity for the live estimate only', () => {
    const json = toCaseJson(initialValues(defaults), procedure, { estimateOnly: true });
    expect(json.patient).toEqual({ firstName: 'Patient', lastName: 'Estimate', dateOfBirth: '1990-01-01' });
    const typedBirth = toCaseJson({ ...initialValues(defaults), dateOfBirth: '03/14/1950' }, procedure, { estimateOnly: true });
    expect(typedBirth.patient.dateOfBirth).toBe('1950-03-14');
    expect(toCaseJson(initialValues(defaults), procedure).patient.firstName).toBe('');
  });

  it('keeps a good scheduled date in the live estimate (its year changes Medicare figures), and leaves out one with a problem', () => {
    const values = { ...initialValues(defaults), scheduledDate: '01/02/2027' };
    expect(toCaseJson(values, procedure, { estimateOnly: true }).procedure.scheduledDate).toBe('2027-01-02');
    const past = { ...values, scheduledDate: '01/02/2020' };
    const errors = validateForm(past, today);
    expect(toCaseJson(past, procedure, { estimateOnly: true, errors }).procedure.scheduledDate).toBeUndefined();
    expect(caseJsonFor(past, new Set(), { procedure }).procedure.scheduledDate).toBe('2020-01-02');
  });
});

describe('Diagnosis and Doctor', () => {
  const filled = { ...initialValues(defaults), firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' };
  const doctors = [{ name: 'Dr. Ana Ruiz', npi: '1234567893' }, { name: 'Dr. Lee Kim', npi: '' }];

  it("lists 'Not known yet', then the procedure's usual diagnoses as code and name", () => {
    const choices = diagnosisChoices(procedure);
    expect(choices[0]).toEqual({ value: '', label: 'Not known yet' });
    expect(choices[1]).toEqual({ value: 'M80.08XA', label: 'M80.08XA — Osteoporotic (age-related) compression fracture of a vertebra' });
    expect(choices.map((c) => c.value)).toEqual(['', ...procedure.diagnoses.usual.map((d) => d.code)]);
  });

  it("lists 'Not chosen yet', then the clinic's doctors; a doctor no longer in Settings is kept and marked", () => {
    expect(doctorChoices(doctors)).toEqual([
      { value: '', label: 'Not chosen yet' },
      { value: 'Dr. Ana Ruiz', label: 'Dr. Ana Ruiz' },
      { value: 'Dr. Lee Kim', label: 'Dr. Lee Kim' },
    ]);
    expect(doctorChoices(doctors, 'Dr. Lee Kim')).toHaveLength(3);
    expect(doctorChoices(doctors.slice(0, 1), 'Dr. Lee Kim').at(-1)).toEqual({ value: 'Dr. Lee Kim', label: 'Dr. Lee Kim (not in Settings)' });
    expect(doctorChoices([], '')).toEqual([{ value: '', label: 'Not chosen yet' }]);
    expect(doctorNotListed(doctors.slice(0, 1), 'Dr. Lee Kim')).toBe(true);
    expect(doctorNotListed(doctors, 'Dr. Lee Kim')).toBe(false);
    expect(doctorNotListed([], '')).toBe(false);
    expect(diagnosisChoices(procedure, 'C79.51').at(-1)).toEqual({ value: 'C79.51', label: 'C79.51 (not in the usual list)' });
  });

  it('sends them as the top-level diagnosis and doctor; not chosen, neither is sent', () => {
    const json = toCaseJson({ ...filled, diagnosis: 'M48.56XA', doctor: 'Dr. Lee Kim' }, procedure);
    expect(json.diagnosis).toBe('M48.56XA');
    expect(json.doctor).toBe('Dr. Lee Kim');
    expect(validateForm({ ...filled, diagnosis: 'M48.56XA', doctor: 'Dr. Lee Kim' }, today)).toEqual({});
    const none = toCaseJson(filled, procedure);
    expect('diagnosis' in none).toBe(false);
    expect('doctor' in none).toBe(false);
    // They change no figure: the live estimate is not asked again for them.
    const live = toCaseJson({ ...filled, diagnosis: 'M48.56XA', doctor: 'Dr. Lee Kim' }, procedure, { estimateOnly: true });
    expect('diagnosis' in live || 'doctor' in live).toBe(false);
  });

  it("shows core's issues at the fields, and they never stop the live estimate", () => {
    expect(fieldForPath('diagnosis')).toBe('diagnosis');
    expect(fieldForPath('doctor')).toBe('doctor');
    const errors = validateForm({ ...filled, doctor: 'D'.repeat(121), diagnosis: 'not a code' }, today);
    expect(errors.doctor).toMatch(/at most 120/);
    expect(errors.diagnosis).toMatch(/ICD-10-CM/);
    expect(blocksEstimate(errors)).toBe(false);
  });

  it('sit with the procedure fields, after the scheduled date and before the payments', () => {
    const at = (name: (typeof fieldOrder)[number]) => fieldOrder.indexOf(name);
    expect(at('doctor')).toBe(at('scheduledDate') + 1);
    expect(at('diagnosis')).toBe(at('doctor') + 1);
    expect(at('alreadyPaid')).toBe(at('diagnosis') + 1);
  });

  it('are kept in drafts, a doctor since removed from Settings too', () => {
    const values = { ...filled, diagnosis: 'S32.010A', doctor: 'Dr. Gone Away' };
    const { values: restored } = fromDraft(toDraft(values, new Set(['doctor', 'diagnosis'])), defaults, procedure);
    expect(restored.diagnosis).toBe('S32.010A');
    expect(restored.doctor).toBe('Dr. Gone Away');
    expect(fromDraft(toDraft(filled, new Set()), defaults, procedure).values.doctor).toBe('');
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
