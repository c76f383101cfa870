/**
 * The New estimate form's pure logic: starting values, coverage presets that never overwrite
 * what staff typed, field validation in plain words, the mapping to the case JSON of issue 3,
 * and the draft round trip. No React, no window: tested in Node.
 */
import type { CoverageKind } from '../../../core/estimate/types';
import type { Draft } from '../../../core/ipc/contract';
import type { PacketDefaults } from '../../../core/settings';
import { scheduledDateIssues } from '../../../core/estimate/case-schema';
import { centsToDollarNumber, parseDateText, parseMoneyText, parsePercentText } from '../lib/text-parsers';
import {
  coverageFieldNames,
  coverageKinds,
  fieldApplies,
  fieldDefs,
  fieldOrder,
  languageChoices,
  levelChoices,
  placesOfService,
  sedationChoices,
  type CoverageFieldName,
  type FieldName,
  type FormValues,
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

function setCoverageField(values: FormValues, name: CoverageFieldName, preset: string | boolean | undefined): void {
  if (name === 'inNetwork') {
    values.inNetwork = typeof preset === 'boolean' ? preset : true;
    return;
  }
  values[name] = typeof preset === 'string' ? preset : '';
}

const moneyMessage = 'Enter an amount in dollars, like 1,500.00.';

function checkMoney(text: string): string | null {
  if (text.trim() === '') return null;
  return parseMoneyText(text) === null ? moneyMessage : null;
}

function checkDate(text: string, label: string): string | null {
  if (text.trim() === '') return null;
  return parseDateText(text) === null ? `Enter the ${label} as MM/DD/YYYY, for example 03/14/1950.` : null;
}

/** Problems with what is typed, by field, for the fields that apply. */
export function validateForm(values: FormValues, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (values.firstName.trim() === '') errors.firstName = "Enter the patient's first name.";
  if (values.lastName.trim() === '') errors.lastName = "Enter the patient's last name.";
  const dob = parseDateText(values.dateOfBirth);
  if (values.dateOfBirth.trim() === '') errors.dateOfBirth = 'Enter the date of birth as MM/DD/YYYY.';
  else if (dob === null) errors.dateOfBirth = checkDate(values.dateOfBirth, 'date of birth') ?? undefined;
  else if (dob > today) errors.dateOfBirth = 'The date of birth cannot be in the future.';

  const kind = values.coverageKind;
  for (const name of ['deductible', 'deductibleMet', 'copay', 'outOfPocketMax', 'outOfPocketMet', 'allowedAmount'] as const) {
    if (!fieldApplies(name, kind)) continue;
    const problem = checkMoney(values[name]);
    if (problem) errors[name] = problem;
  }
  if (fieldApplies('coinsurancePercent', kind) && values.coinsurancePercent.trim() !== '') {
    const pct = parsePercentText(values.coinsurancePercent);
    if (pct === null || pct > 100) errors.coinsurancePercent = 'Enter a percentage from 0 to 100, like 20.';
  }
  const scheduledIso = parseDateText(values.scheduledDate);
  const scheduled = checkDate(values.scheduledDate, 'scheduled date') ?? (scheduledIso ? scheduledDateIssues(scheduledIso, today)[0]?.message : undefined);
  if (scheduled) errors.scheduledDate = scheduled;
  return errors;
}

/** Fields the figures do not depend on: the live estimate goes on while they have problems. */
const notInFigures: FieldName[] = ['firstName', 'lastName', 'dateOfBirth', 'scheduledDate'];

/** Errors that stop the live estimate (patient identity and the scheduled date do not change the figures). */
export function blocksEstimate(errors: FieldErrors): boolean {
  return fieldOrder.some((name) => errors[name] !== undefined && !notInFigures.includes(name));
}

/** The labels of the fields that stop the live estimate, in form order. */
export function blockingLabels(errors: FieldErrors, kind: CoverageKind): string[] {
  return fieldOrder
    .filter((name) => errors[name] !== undefined && !notInFigures.includes(name) && fieldApplies(name, kind))
    .map((name) => fieldDefs[name].label);
}

export interface CaseJson {
  patient: { firstName: string; lastName: string; dateOfBirth: string };
  procedure: {
    id: 'vertebroplasty-lumbar';
    levels: number;
    site: FormValues['site'];
    sedation: FormValues['sedation'];
    scheduledDate?: string;
  };
  coverage: {
    kind: CoverageKind;
    payerName?: string;
    memberId?: string;
    network?: 'in' | 'out';
    deductible?: number;
    deductibleMet?: number;
    coinsurancePercent?: number;
    copay?: number;
    outOfPocketMax?: number | null;
    outOfPocketMet?: number;
    allowedAmount?: number;
  };
  language: FormValues['language'];
  largePrint: boolean;
}

/** A stand-in identity for the live estimate while the patient's details are still being typed. */
const estimateOnlyPatient = { firstName: 'Patient', lastName: 'Estimate', dateOfBirth: '1950-01-01' };

/**
 * The form as the case JSON (dollars, ISO dates). Only fields that apply to the coverage
 * kind and are filled in are sent (less any in `omit`). `estimateOnly` swaps in a stand-in identity when the
 * patient's own details are incomplete and leaves the scheduled date out: the figures depend on neither.
 */
export function toCaseJson(values: FormValues, options: { estimateOnly?: boolean; omit?: readonly FieldName[] } = {}): CaseJson {
  const kind = values.coverageKind;
  const coverage: CaseJson['coverage'] = { kind };
  const omit = options.omit ?? [];
  const applies = (name: FieldName): boolean => fieldApplies(name, kind) && !omit.includes(name);
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

  const patient = {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    dateOfBirth: parseDateText(values.dateOfBirth) ?? values.dateOfBirth.trim(),
  };
  const identityIncomplete = patient.firstName === '' || patient.lastName === '' || parseDateText(values.dateOfBirth) === null;
  const procedure: CaseJson['procedure'] = {
    id: 'vertebroplasty-lumbar',
    levels: Number(values.levels),
    site: values.site,
    sedation: values.sedation,
  };
  const scheduled = parseDateText(values.scheduledDate);
  if (scheduled !== null && !options.estimateOnly) procedure.scheduledDate = scheduled;
  return {
    patient: options.estimateOnly && identityIncomplete ? estimateOnlyPatient : patient,
    procedure,
    coverage,
    language: values.language,
    largePrint: values.largePrint,
  };
}

/**
 * The case JSON for the form as staff left it: typical plan presets they did not touch are
 * left out, so the engine applies the same figures and says they are only typical.
 */
export function caseJsonFor(
  values: FormValues,
  edited: ReadonlySet<FieldName>,
  defaults: PacketDefaults,
  options: { estimateOnly?: boolean } = {},
): CaseJson {
  const omit = typicalPresetFields(values.coverageKind, defaults).filter((name) => !edited.has(name));
  return toCaseJson(values, { ...options, omit });
}

/** First field (in form order) that has an error and is visible for this coverage kind. */
export function firstErrorField(errors: FieldErrors, kind: CoverageKind): FieldName | null {
  return fieldOrder.find((name) => errors[name] !== undefined && fieldApplies(name, kind)) ?? null;
}

// ---- Draft round trip -------------------------------------------------------------------

const EDITED_KEY = '_edited';

export function toDraft(values: FormValues, edited: ReadonlySet<FieldName>): Draft {
  return { ...values, [EDITED_KEY]: [...edited].join(',') };
}

const oneOf = <T extends string>(choices: { value: T }[], v: unknown): T | undefined =>
  choices.find((c) => c.value === v)?.value;

/** Restore a saved draft over fresh defaults; anything unknown or malformed is ignored. */
export function fromDraft(draft: Draft, defaults: PacketDefaults): { values: FormValues; edited: Set<FieldName> } {
  const values = initialValues(defaults);
  const str = (key: string): string | undefined => (typeof draft[key] === 'string' ? (draft[key] as string) : undefined);
  const bool = (key: string): boolean | undefined => (typeof draft[key] === 'boolean' ? (draft[key] as boolean) : undefined);
  const textNames = [
    'firstName', 'lastName', 'dateOfBirth', 'payerName', 'memberId', 'deductible', 'deductibleMet',
    'coinsurancePercent', 'copay', 'outOfPocketMax', 'outOfPocketMet', 'allowedAmount', 'scheduledDate',
  ] as const;
  for (const name of textNames) values[name] = str(name) ?? values[name];
  values.coverageKind = oneOf(coverageKinds, draft['coverageKind']) ?? values.coverageKind;
  values.levels = oneOf(levelChoices, draft['levels']) ?? values.levels;
  values.site = oneOf(placesOfService, draft['site']) ?? values.site;
  values.sedation = oneOf(sedationChoices, draft['sedation']) ?? values.sedation;
  values.language = oneOf(languageChoices, draft['language']) ?? values.language;
  values.inNetwork = bool('inNetwork') ?? values.inNetwork;
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
