/**
 * The New estimate form as the case JSON (CaseInput: dollars, ISO dates): only the fields that
 * apply to the coverage kind and are filled in, the choices that stand for case objects (the
 * supplement, a second plan, copays and networks per provider, payments), and the live
 * estimate's stand-ins for what is not typed yet. Pure; tested in Node.
 */
import type { CaseInput } from '../../../core/case/case-schema';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import { centsToDollarNumber, parseDateText, parseMoneyText, parseMonthDayText, parsePercentText, parseWholeText } from '../lib/text-parsers';
import { typicalPresetFields } from './coverage-presets';
import { fieldApplies, medigapPlanOf, type FieldErrors, type FieldName, type FormValues } from './form-fields';

/**
 * Stand-ins for the live estimate while the patient's details are still being typed. The
 * stand-in date of birth is under 65, so no age-based warning is given for a patient whose age
 * is not known yet.
 */
const STAND_IN = { firstName: 'Patient', lastName: 'Estimate', dateOfBirth: '1990-01-01' };

export interface CaseJsonOptions {
  /**
   * For the live estimate: stand-ins replace names not typed yet and a date of birth that
   * cannot be read, and a scheduled date with a problem (`errors`) is left out. A good
   * scheduled date is kept: its calendar year changes Medicare's figures. The diagnosis and the
   * doctor change no figure and are left out, as is who prepared it.
   */
  estimateOnly?: boolean;
  errors?: FieldErrors;
  omit?: readonly FieldName[];
}

/**
 * The form as the case JSON (dollars, ISO dates). Only fields that apply to the coverage
 * kind and are filled in are sent (less any in `omit`).
 */
export function toCaseJson(values: FormValues, procedure: Pick<ProcedureDefinition, 'id'>, options: CaseJsonOptions = {}): CaseInput {
  const kind = values.coverageKind;
  const coverage: CaseInput['coverage'] = { kind };
  const omit = options.omit ?? [];
  const applies = (name: FieldName): boolean => fieldApplies(name, kind, values) && !omit.includes(name);
  const text = (name: 'payerName' | 'memberId'): void => {
    const v = values[name].trim();
    if (applies(name) && v !== '') coverage[name] = v;
  };
  const money = (name: 'deductible' | 'deductibleMet' | 'copay' | 'outOfPocketMax' | 'outOfPocketMet' | 'allowedAmount'): void => {
    const cents = parseMoneyText(values[name]);
    if (applies(name) && cents !== null) coverage[name] = centsToDollarNumber(cents);
  };
  text('payerName');
  text('memberId');
  if (applies('inNetwork')) coverage.network = values.inNetwork ? 'in' : 'out';
  money('deductible');
  money('deductibleMet');
  const pct = parsePercentText(values.coinsurancePercent);
  if (applies('coinsurancePercent') && pct !== null) coverage.coinsurancePercent = pct;
  money('copay');
  money('outOfPocketMax');
  money('outOfPocketMet');
  money('allowedAmount');
  const supplement = supplementJson(values, applies);
  if (supplement !== undefined) coverage.supplement = supplement;
  const copays: NonNullable<CaseInput['coverage']['copays']> = {};
  for (const [name, role] of [['facilityCopay', 'facility'], ['doctorCopay', 'physician'], ['anesthesiaCopay', 'anesthesia']] as const) {
    const cents = parseMoneyText(values[name]);
    if (applies(name) && cents !== null) copays[role] = centsToDollarNumber(cents);
  }
  if (Object.keys(copays).length > 0) coverage.copays = copays;
  const networks: NonNullable<CaseInput['coverage']['networkByProvider']> = {};
  for (const [name, role] of [['facilityInNetwork', 'facility'], ['anesthesiaInNetwork', 'anesthesia']] as const) {
    if (applies(name) && values[name] !== values.inNetwork) networks[role] = values[name] ? 'in' : 'out';
  }
  if (Object.keys(networks).length > 0) coverage.networkByProvider = networks;
  if (applies('noOutOfPocketMax') && values.noOutOfPocketMax) coverage.outOfPocketMax = null;
  const start = parseMonthDayText(values.planYearStart);
  if (applies('planYearStart') && start !== null) coverage.planYearStart = start;
  const secondary = secondaryJson(values, applies);
  if (secondary !== undefined) coverage.secondary = secondary;

  const errors = options.errors ?? {};
  const birth = parseDateText(values.dateOfBirth);
  const typed = { firstName: values.firstName.trim(), lastName: values.lastName.trim(), dateOfBirth: birth ?? values.dateOfBirth.trim() };
  // Stand-ins only for what is not typed yet: a typed date of birth is the engine's to check (it says so in the summary).
  const patient = options.estimateOnly
    ? {
        firstName: typed.firstName === '' ? STAND_IN.firstName : typed.firstName,
        lastName: typed.lastName === '' ? STAND_IN.lastName : typed.lastName,
        dateOfBirth: birth ?? STAND_IN.dateOfBirth,
      }
    : typed;
  const choice: CaseInput['procedure'] = {
    id: procedure.id,
    levels: Number(values.levels),
    site: values.site,
    sedation: values.sedation,
  };
  const scheduled = parseDateText(values.scheduledDate);
  if (scheduled !== null && !(options.estimateOnly && errors.scheduledDate !== undefined)) choice.scheduledDate = scheduled;
  const payments: NonNullable<CaseInput['payments']> = {};
  const paid = parseMoneyText(values.alreadyPaid);
  if (paid !== null && paid > 0) payments.alreadyPaid = centsToDollarNumber(paid);
  const months = parseWholeText(values.planMonths);
  if (months !== null) payments.planMonths = months;
  const diagnosis = values.diagnosis.trim();
  const doctor = values.doctor.trim();
  const preparedBy = values.preparedBy.trim();
  return {
    patient,
    procedure: choice,
    coverage,
    ...(Object.keys(payments).length > 0 ? { payments } : {}),
    ...(diagnosis !== '' && !options.estimateOnly ? { diagnosis } : {}),
    ...(doctor !== '' && !options.estimateOnly ? { doctor } : {}),
    ...(preparedBy !== '' && !options.estimateOnly ? { preparedBy } : {}),
    language: values.language,
    largePrint: values.largePrint,
  };
}

/** `Secondary insurance` and its fields as the case's `coverage.secondary` (core names what is missing). */
function secondaryJson(values: FormValues, applies: (name: FieldName) => boolean): CaseInput['coverage']['secondary'] {
  if (!applies('hasSecondary') || !values.hasSecondary) return undefined;
  const money = (name: 'secondaryDeductible' | 'secondaryDeductibleMet' | 'secondaryCopay' | 'secondaryOutOfPocketMax' | 'secondaryOutOfPocketMet') => {
    const cents = parseMoneyText(values[name]);
    return cents === null ? undefined : centsToDollarNumber(cents);
  };
  const out: Record<string, unknown> = { kind: 'commercial' };
  const put = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  put('deductible', money('secondaryDeductible'));
  put('deductibleMet', money('secondaryDeductibleMet'));
  put('coinsurancePercent', parsePercentText(values.secondaryCoinsurance) ?? undefined);
  put('copay', money('secondaryCopay'));
  // Empty: the secondary plan has no maximum.
  put('outOfPocketMax', values.secondaryOutOfPocketMax.trim() === '' ? null : money('secondaryOutOfPocketMax'));
  put('outOfPocketMet', money('secondaryOutOfPocketMet'));
  return out as CaseInput['coverage']['secondary'];
}

/** The `Supplemental coverage` choice and its fields as the case's `coverage.supplement`. */
function supplementJson(values: FormValues, applies: (name: FieldName) => boolean): CaseInput['coverage']['supplement'] {
  if (!applies('supplement') || values.supplement === 'none') return undefined;
  if (values.supplement === 'medicaid-qmb' || values.supplement === 'medicaid') return { kind: 'medicaid', qmb: values.supplement === 'medicaid-qmb' };
  if (values.supplement === 'other') {
    const pct = parsePercentText(values.supplementPaysPercent);
    // Left empty, the case says nothing of the share: core names the field.
    return pct === null ? ({ kind: 'other' } as unknown as CaseInput['coverage']['supplement']) : { kind: 'other', paysPercent: pct };
  }
  const plan = medigapPlanOf(values.supplement);
  if (plan === null) return undefined;
  const out: { kind: 'medigap'; plan: typeof plan; deductibleMet?: number; outOfPocketMet?: number } = { kind: 'medigap', plan };
  const met = parseMoneyText(values.medigapDeductibleMet);
  if (applies('medigapDeductibleMet') && met !== null) out.deductibleMet = centsToDollarNumber(met);
  const oop = parseMoneyText(values.medigapOutOfPocketMet);
  if (applies('medigapOutOfPocketMet') && oop !== null) out.outOfPocketMet = centsToDollarNumber(oop);
  return out;
}

/**
 * The case JSON for the form as staff left it: typical plan presets they did not touch are
 * left out, so the engine applies the same figures and says they are only typical.
 */
export function caseJsonFor(
  values: FormValues,
  edited: ReadonlySet<FieldName>,
  context: { procedure: Pick<ProcedureDefinition, 'id'> },
  options: Omit<CaseJsonOptions, 'omit'> = {},
): CaseInput {
  const omit = typicalPresetFields(values.coverageKind).filter((name) => !edited.has(name));
  return toCaseJson(values, context.procedure, { ...options, omit });
}
