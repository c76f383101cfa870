/**
 * The New estimate form's pure logic: starting values, coverage presets that never overwrite
 * what staff typed, turning the typed text into a case (CaseInput), showing core's
 * validateCase issues at their fields, and the draft round trip. The form keeps no rules of
 * its own beyond reading text ("twelve hundred" is not an amount). No React: tested in Node.
 */
import type { CaseInput } from '../../../core/case/case-schema';
import { validateCase } from '../../../core/case/validate-case';
import type { CoverageKind } from '../../../core/estimate/types';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import type { Draft } from '../../../core/ipc/contract';
import type { FieldIssue } from '../../../core/result';
import type { PacketDefaults } from '../../../core/settings';
import { centsToDollarNumber, parseDateText, parseMoneyText, parsePercentText } from '../lib/text-parsers';
import {
  coverageFieldNames,
  coverageKinds,
  fieldApplies,
  fieldDefs,
  fieldForPath,
  fieldOrder,
  languageChoices,
  levelChoices,
  placeChoices,
  medigapPlanOf,
  sedationChoices,
  supplementChoices,
  type CoverageFieldName,
  type FieldName,
  type FormValues,
  type FieldState,
} from './form-fields';
import { coveragePreset, typicalPresetFields } from './coverage-presets';

export type FieldErrors = Partial<Record<FieldName, string>>;

export function initialValues(defaults: PacketDefaults): FormValues {
  const blank: FormValues = {
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    coverageKind: 'commercial',
    payerName: '',
    memberId: '',
    inNetwork: true,
    deductible: '',
    deductibleMet: '',
    coinsurancePercent: '',
    copay: '',
    outOfPocketMax: '',
    outOfPocketMet: '',
    allowedAmount: '',
    supplement: 'none',
    medigapDeductibleMet: '',
    medigapOutOfPocketMet: '',
    supplementPaysPercent: '',
    facilityCopay: '',
    doctorCopay: '',
    anesthesiaCopay: '',
    facilityInNetwork: true,
    anesthesiaInNetwork: true,
    noOutOfPocketMax: false,
    planYearStart: '',
    hasSecondary: false,
    secondaryDeductible: '',
    secondaryDeductibleMet: '',
    secondaryCoinsurance: '',
    secondaryCopay: '',
    secondaryOutOfPocketMax: '',
    secondaryOutOfPocketMet: '',
    alreadyPaid: '',
    planMonths: '',
    levels: '1',
    site: 'hospital-outpatient',
    sedation: 'moderate',
    scheduledDate: '',
    language: defaults.language,
    largePrint: defaults.largePrint,
  };
  return applyPreset(blank, 'commercial', new Set(), defaults);
}

/**
 * Switch coverage kind: fields staff edited keep their text; the others take the new kind's
 * preset (or become empty). Hidden fields keep their values, so switching back loses nothing.
 */
export function applyPreset(
  values: FormValues,
  kind: CoverageKind,
  edited: ReadonlySet<FieldName>,
  defaults: PacketDefaults,
): FormValues {
  const preset = coveragePreset(kind, defaults);
  const next: FormValues = { ...values, coverageKind: kind };
  for (const name of coverageFieldNames) {
    if (edited.has(name)) continue;
    setCoverageField(next, name, preset[name]);
  }
  return next;
}

/** The patient's own facts, not a plan's preset: switching kinds keeps them. */
const keptAcrossKinds: CoverageFieldName[] = [
  'supplement', 'facilityInNetwork', 'anesthesiaInNetwork', 'noOutOfPocketMax', 'planYearStart', 'hasSecondary',
  'secondaryDeductible', 'secondaryDeductibleMet', 'secondaryCoinsurance', 'secondaryCopay', 'secondaryOutOfPocketMax', 'secondaryOutOfPocketMet',
];

function setCoverageField(values: FormValues, name: CoverageFieldName, preset: string | boolean | undefined): void {
  if (name === 'inNetwork') {
    values.inNetwork = typeof preset === 'boolean' ? preset : true;
    return;
  }
  if (keptAcrossKinds.includes(name)) return;
  const field = name as Exclude<CoverageFieldName, 'inNetwork' | (typeof keptAcrossKinds)[number]>;
  (values as unknown as Record<string, string>)[field] = typeof preset === 'string' ? preset : '';
}

const moneyNames = [
  'deductible', 'deductibleMet', 'copay', 'outOfPocketMax', 'outOfPocketMet', 'allowedAmount',
  'medigapDeductibleMet', 'medigapOutOfPocketMet', 'facilityCopay', 'doctorCopay', 'anesthesiaCopay',
  'secondaryDeductible', 'secondaryDeductibleMet', 'secondaryCopay', 'secondaryOutOfPocketMax', 'secondaryOutOfPocketMet', 'alreadyPaid',
] as const;
const percentNames = ['coinsurancePercent', 'supplementPaysPercent', 'secondaryCoinsurance'] as const;

/** "07/01", "7/1" or "07-01" as "07-01"; null when it is not a month and day. */
export function parseMonthDayText(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(text.trim());
  if (m === null) return null;
  const iso = `2024-${m[1]?.padStart(2, '0')}-${m[2]?.padStart(2, '0')}`;
  return parseDateText(iso) === null ? null : iso.slice(5);
}

/** "12" as 12; null when it is not a whole number. */
const parseWholeText = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * Text that is not a value of its kind ("twelve hundred", "13/45/1950"), by field: reading
 * text is the form's only job. Everything else about the values is core's (formErrors).
 */
export function textErrors(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  const kind = values.coverageKind;
  for (const name of moneyNames) {
    if (fieldApplies(name, kind, values) && values[name].trim() !== '' && parseMoneyText(values[name]) === null) {
      errors[name] = 'Enter an amount in dollars, like 1,500.00.';
    }
  }
  for (const name of percentNames) {
    if (fieldApplies(name, kind, values) && values[name].trim() !== '' && parsePercentText(values[name]) === null) {
      errors[name] = 'Enter a percentage from 0 to 100, like 20.';
    }
  }
  if (fieldApplies('planYearStart', kind, values) && values.planYearStart.trim() !== '' && parseMonthDayText(values.planYearStart) === null) {
    errors.planYearStart = 'Enter the month and day the plan year starts, like 07/01.';
  }
  if (values.planMonths.trim() !== '' && parseWholeText(values.planMonths) === null) {
    errors.planMonths = 'Enter the number of monthly payments, from 2 to 60, or leave it empty.';
  }
  for (const name of ['dateOfBirth', 'scheduledDate'] as const) {
    if (values[name].trim() !== '' && parseDateText(values[name]) === null) {
      errors[name] = `Enter the ${fieldDefs[name].label.toLowerCase()} as MM/DD/YYYY, for example 03/14/1950.`;
    }
  }
  return errors;
}

/** Issues with dotted case paths, at the form's fields (first message per field). */
export function issuesByField(issues: readonly FieldIssue[]): FieldErrors {
  const byField: FieldErrors = {};
  for (const issue of issues) {
    const name = fieldForPath(issue.path);
    if (name && byField[name] === undefined) byField[name] = issue.message;
  }
  return byField;
}

/**
 * Every problem with the form, by field: what cannot be read as text, then what core's
 * validateCase says of the case the readable fields make (the same check IPC and the CLI run).
 */
export function formErrors(values: FormValues, context: { today: string; procedure: ProcedureDefinition }): FieldErrors {
  const unreadable = textErrors(values);
  const checked = validateCase(toCaseJson(values, context.procedure), { today: context.today, catalog: [context.procedure] });
  const coreErrors = checked.ok ? {} : issuesByField(checked.issues);
  return { ...coreErrors, ...unreadable };
}

/** Fields whose problems do not stop the live estimate (stand-ins or leaving them out do; see CaseJsonOptions). */
const notInFigures: FieldName[] = ['firstName', 'lastName', 'dateOfBirth', 'scheduledDate'];

/** Errors that stop the live estimate (patient identity and the scheduled date do not change the figures). */
export function blocksEstimate(errors: FieldErrors): boolean {
  return fieldOrder.some((name) => errors[name] !== undefined && !notInFigures.includes(name));
}

/** The labels of the fields that stop the live estimate, in form order. */
export function blockingLabels(errors: FieldErrors, kind: CoverageKind, state: FieldState = {}): string[] {
  return fieldOrder
    .filter((name) => errors[name] !== undefined && !notInFigures.includes(name) && fieldApplies(name, kind, state))
    .map((name) => fieldDefs[name].label);
}

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
   * scheduled date is kept: its calendar year changes Medicare's figures.
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
  return {
    patient,
    procedure: choice,
    coverage,
    ...(Object.keys(payments).length > 0 ? { payments } : {}),
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
  context: { defaults: PacketDefaults; procedure: Pick<ProcedureDefinition, 'id'> },
  options: Omit<CaseJsonOptions, 'omit'> = {},
): CaseInput {
  const omit = typicalPresetFields(values.coverageKind, context.defaults).filter((name) => !edited.has(name));
  return toCaseJson(values, context.procedure, { ...options, omit });
}

/** First field (in form order) that has an error and is visible for this coverage kind. */
export function firstErrorField(errors: FieldErrors, kind: CoverageKind, state: FieldState = {}): FieldName | null {
  return fieldOrder.find((name) => errors[name] !== undefined && fieldApplies(name, kind, state)) ?? null;
}

// ---- Draft round trip -------------------------------------------------------------------

const EDITED_KEY = '_edited';

export function toDraft(values: FormValues, edited: ReadonlySet<FieldName>): Draft {
  return { ...values, [EDITED_KEY]: [...edited].join(',') };
}

const oneOf = <T extends string>(choices: { value: T }[], v: unknown): T | undefined =>
  choices.find((c) => c.value === v)?.value;

/** Restore a saved draft over fresh defaults; anything unknown or malformed is ignored. */
export function fromDraft(draft: Draft, defaults: PacketDefaults, procedure: ProcedureDefinition): { values: FormValues; edited: Set<FieldName> } {
  const values = initialValues(defaults);
  const str = (key: string): string | undefined => (typeof draft[key] === 'string' ? (draft[key] as string) : undefined);
  const bool = (key: string): boolean | undefined => (typeof draft[key] === 'boolean' ? (draft[key] as boolean) : undefined);
  const textNames = [
    'firstName', 'lastName', 'dateOfBirth', 'payerName', 'memberId', 'deductible', 'deductibleMet',
    'coinsurancePercent', 'copay', 'outOfPocketMax', 'outOfPocketMet', 'allowedAmount', 'scheduledDate',
    'medigapDeductibleMet', 'medigapOutOfPocketMet', 'supplementPaysPercent', 'facilityCopay', 'doctorCopay', 'anesthesiaCopay',
    'planYearStart', 'secondaryDeductible', 'secondaryDeductibleMet', 'secondaryCoinsurance', 'secondaryCopay', 'secondaryOutOfPocketMax',
    'secondaryOutOfPocketMet', 'alreadyPaid', 'planMonths',
  ] as const;
  for (const name of textNames) values[name] = str(name) ?? values[name];
  values.coverageKind = oneOf(coverageKinds, draft['coverageKind']) ?? values.coverageKind;
  values.supplement = oneOf(supplementChoices, draft['supplement']) ?? values.supplement;
  values.levels = oneOf(levelChoices(procedure), draft['levels']) ?? values.levels;
  values.site = oneOf(placeChoices(procedure), draft['site']) ?? values.site;
  values.sedation = oneOf(sedationChoices(procedure), draft['sedation']) ?? values.sedation;
  values.language = oneOf(languageChoices, draft['language']) ?? values.language;
  values.inNetwork = bool('inNetwork') ?? values.inNetwork;
  for (const name of ['facilityInNetwork', 'anesthesiaInNetwork', 'noOutOfPocketMax', 'hasSecondary'] as const) values[name] = bool(name) ?? values[name];
  values.largePrint = bool('largePrint') ?? values.largePrint;
  const known = new Set<string>(fieldOrder);
  const edited = new Set(
    (str(EDITED_KEY) ?? '').split(',').filter((n): n is FieldName => known.has(n)),
  );
  return { values, edited };
}

/** True when nothing was typed: an untouched form is not worth keeping as a draft. */
export function isBlankDraft(edited: ReadonlySet<FieldName>): boolean {
  return edited.size === 0;
}
