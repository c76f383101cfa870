/**
 * The New estimate form's pure logic: starting values, coverage presets that never overwrite
 * what staff typed, showing core's validateCase issues at their fields (on the case that
 * form-case-json.ts makes of the text), and the draft round trip. The form keeps no rules of
 * its own beyond reading text ("twelve hundred" is not an amount). No React: tested in Node.
 */
import { validateCase } from '../../../core/case/validate-case';
import type { CoverageKind } from '../../../core/estimate/types';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import type { Draft } from '../../../core/ipc/contract';
import type { FieldIssue } from '../../../core/result';
import type { PacketDefaults } from '../../../core/settings';
import { moneyTextError, parseDateText, parseMonthDayText, parsePercentText, parseWholeText } from '../lib/text-parsers';
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
  sedationChoices,
  supplementChoices,
  type CoverageFieldName,
  type FieldErrors,
  type FieldName,
  type FormValues,
  type FieldState,
} from './form-fields';
import { coveragePreset } from './coverage-presets';
import { toCaseJson } from './form-case-json';
import type { Revising } from './revision';

export type { FieldErrors };

/** A fresh form; `preparedBy`: the initials remembered on this computer (prepared-by-store.ts). */
export function initialValues(defaults: PacketDefaults, preparedBy = ''): FormValues {
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
    diagnosis: '',
    doctor: '',
    language: defaults.language,
    largePrint: defaults.largePrint,
    preparedBy,
  };
  return applyPreset(blank, 'commercial', new Set());
}

/**
 * Switch coverage kind: fields staff edited keep their text; the others take the new kind's
 * preset (or become empty). Hidden fields keep their values, so switching back loses nothing.
 */
export function applyPreset(values: FormValues, kind: CoverageKind, edited: ReadonlySet<FieldName>): FormValues {
  const preset = coveragePreset(kind);
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


/**
 * Text that is not a value of its kind ("twelve hundred", "13/45/1950"), by field: reading
 * text is the form's only job. Everything else about the values is core's (formErrors).
 */
export function textErrors(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  const kind = values.coverageKind;
  for (const name of moneyNames) {
    const moneyError = moneyTextError(values[name]);
    if (fieldApplies(name, kind, values) && values[name].trim() !== '' && moneyError !== null) errors[name] = moneyError;
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
const notInFigures: FieldName[] = ['firstName', 'lastName', 'dateOfBirth', 'scheduledDate', 'diagnosis', 'doctor', 'preparedBy'];

/** Errors that stop the live estimate (patient identity, the scheduled date, the diagnosis, the doctor and who prepared it do not change the figures). */
export function blocksEstimate(errors: FieldErrors): boolean {
  return fieldOrder.some((name) => errors[name] !== undefined && !notInFigures.includes(name));
}

/** The labels of the fields that stop the live estimate, in form order. */
export function blockingLabels(errors: FieldErrors, kind: CoverageKind, state: FieldState = {}): string[] {
  return fieldOrder
    .filter((name) => errors[name] !== undefined && !notInFigures.includes(name) && fieldApplies(name, kind, state))
    .map((name) => fieldDefs[name].label);
}

/** First field (in form order) that has an error and is visible for this coverage kind. */
export function firstErrorField(errors: FieldErrors, kind: CoverageKind, state: FieldState = {}): FieldName | null {
  return fieldOrder.find((name) => errors[name] !== undefined && fieldApplies(name, kind, state)) ?? null;
}

// ---- Draft round trip -------------------------------------------------------------------

const EDITED_KEY = '_edited';
/** The record being revised (Past estimates → Revise): kept so a reload still revises it. */
const REVISING_KEYS = { id: '_revisesId', reference: '_revisesReference', issuedAt: '_revisesIssuedAt' } as const;

export function toDraft(values: FormValues, edited: ReadonlySet<FieldName>, revising: Revising | null = null): Draft {
  const draft: Draft = { ...values, [EDITED_KEY]: [...edited].join(',') };
  if (revising !== null) {
    for (const [part, key] of Object.entries(REVISING_KEYS) as [keyof Revising, string][]) draft[key] = revising[part];
  }
  return draft;
}

/** The record a draft was revising, when all of it is there and well formed. */
function revisingFromDraft(draft: Draft): Revising | null {
  const [id, reference, issuedAt] = [draft[REVISING_KEYS.id], draft[REVISING_KEYS.reference], draft[REVISING_KEYS.issuedAt]];
  if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id) || typeof reference !== 'string' || typeof issuedAt !== 'string') return null;
  return { id, reference, issuedAt };
}

const oneOf = <T extends string>(choices: { value: T }[], v: unknown): T | undefined =>
  choices.find((c) => c.value === v)?.value;

/** Restore a saved draft over fresh defaults; anything unknown or malformed is ignored. */
export function fromDraft(
  draft: Draft,
  defaults: PacketDefaults,
  procedure: ProcedureDefinition,
  preparedBy = '',
): { values: FormValues; edited: Set<FieldName>; revising: Revising | null } {
  const values = initialValues(defaults, preparedBy);
  const str = (key: string): string | undefined => (typeof draft[key] === 'string' ? (draft[key] as string) : undefined);
  const bool = (key: string): boolean | undefined => (typeof draft[key] === 'boolean' ? (draft[key] as boolean) : undefined);
  const textNames = [
    'firstName', 'lastName', 'dateOfBirth', 'payerName', 'memberId', 'deductible', 'deductibleMet',
    'coinsurancePercent', 'copay', 'outOfPocketMax', 'outOfPocketMet', 'allowedAmount', 'scheduledDate',
    'medigapDeductibleMet', 'medigapOutOfPocketMet', 'supplementPaysPercent', 'facilityCopay', 'doctorCopay', 'anesthesiaCopay',
    'planYearStart', 'secondaryDeductible', 'secondaryDeductibleMet', 'secondaryCoinsurance', 'secondaryCopay', 'secondaryOutOfPocketMax',
    'secondaryOutOfPocketMet', 'alreadyPaid', 'planMonths',
    // Kept as they were, even when no longer listed: the select shows them marked (form-fields.ts withCurrent).
    'diagnosis', 'doctor', 'preparedBy',
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
  return { values, edited, revising: revisingFromDraft(draft) };
}

/** True when nothing was typed: an untouched form is not worth keeping as a draft. */
export function isBlankDraft(edited: ReadonlySet<FieldName>): boolean {
  return edited.size === 0;
}
