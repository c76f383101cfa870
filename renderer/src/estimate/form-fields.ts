/**
 * The New estimate form as data: every field's name, visible label, the case-JSON path it
 * feeds, and which coverage kinds it applies to. Labels are the payer-portal words staff
 * know (issue 5); tests and tools find fields by them.
 */
import {
  coverageKinds as coverageKindValues,
  languages,
  placesOfService as placeValues,
  sedations,
  type CoverageKind,
  type Language,
  type PlaceOfService,
  type Sedation,
} from '../../../core/case/enums';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';

export interface FormValues {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  coverageKind: CoverageKind;
  payerName: string;
  memberId: string;
  inNetwork: boolean;
  deductible: string;
  deductibleMet: string;
  coinsurancePercent: string;
  copay: string;
  outOfPocketMax: string;
  outOfPocketMet: string;
  allowedAmount: string;
  levels: string;
  site: PlaceOfService;
  sedation: Sedation;
  scheduledDate: string;
  language: Language;
  largePrint: boolean;
}

export type FieldName = keyof FormValues;
export type FieldKind = 'text' | 'money' | 'percent' | 'date' | 'select' | 'checkbox';

export interface FieldDef {
  name: FieldName;
  label: string;
  kind: FieldKind;
  /** Dotted path in the case JSON (issue 3), for mapping server issues back to fields. */
  path: string;
  /** A short hint shown under the label (format or meaning). */
  hint?: string;
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** Labels by value: a value core adds without a label here does not compile. */
export const coverageKindLabels: Record<CoverageKind, string> = {
  commercial: 'Commercial insurance',
  medicare: 'Medicare',
  'medicare-advantage': 'Medicare Advantage',
  medicaid: 'Medicaid',
  'self-pay': 'Self-pay',
  uninsured: 'Uninsured',
};

export const placeOfServiceLabels: Record<PlaceOfService, string> = {
  'hospital-outpatient': 'Hospital outpatient',
  asc: 'Surgery center (ASC)',
  office: 'Office',
};

export const sedationLabels: Record<Sedation, string> = {
  local: 'Local numbing only',
  moderate: 'Moderate (by physician)',
  anesthesia: 'Anesthesia provider',
};

export const languageLabels: Record<Language, string> = {
  en: 'English',
  es: 'Spanish (Español)',
};

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>): Choice<T>[] =>
  values.map((value) => ({ value, label: labels[value] }));

export const coverageKinds = choices(coverageKindValues, coverageKindLabels);
export const languageChoices = choices(languages, languageLabels);

/** The places of service the procedure allows, in core's order. */
export function placeChoices(procedure: Pick<ProcedureDefinition, 'sites'>): Choice<PlaceOfService>[] {
  return choices(placeValues.filter((v) => procedure.sites.includes(v)), placeOfServiceLabels);
}

export function sedationChoices(procedure: Pick<ProcedureDefinition, 'sedations'>): Choice<Sedation>[] {
  return choices(sedations.filter((v) => procedure.sedations.includes(v)), sedationLabels);
}

/** min..max levels; those above the usual number say so. */
export function levelChoices(procedure: Pick<ProcedureDefinition, 'levels'>): Choice<string>[] {
  const { min, normalMax, max } = procedure.levels;
  return Array.from({ length: max - min + 1 }, (_, i) => {
    const n = min + i;
    return { value: String(n), label: n > normalMax ? `${n} (unusual)` : String(n) };
  });
}

const def = (name: FieldName, label: string, kind: FieldKind, path: string, hint?: string): FieldDef =>
  hint === undefined ? { name, label, kind, path } : { name, label, kind, path, hint };

export const fieldDefs: Record<FieldName, FieldDef> = {
  firstName: def('firstName', 'First name', 'text', 'patient.firstName'),
  lastName: def('lastName', 'Last name', 'text', 'patient.lastName'),
  dateOfBirth: def('dateOfBirth', 'Date of birth', 'date', 'patient.dateOfBirth', 'MM/DD/YYYY'),
  coverageKind: def('coverageKind', 'Coverage type', 'select', 'coverage.kind'),
  payerName: def('payerName', 'Insurance company', 'text', 'coverage.payerName'),
  memberId: def('memberId', 'Member ID', 'text', 'coverage.memberId'),
  inNetwork: def('inNetwork', 'In network', 'checkbox', 'coverage.network'),
  deductible: def('deductible', 'Deductible', 'money', 'coverage.deductible'),
  deductibleMet: def('deductibleMet', 'Deductible met so far', 'money', 'coverage.deductibleMet'),
  coinsurancePercent: def('coinsurancePercent', 'Coinsurance (%)', 'percent', 'coverage.coinsurancePercent'),
  copay: def('copay', 'Copay', 'money', 'coverage.copay'),
  outOfPocketMax: def('outOfPocketMax', 'Out-of-pocket maximum', 'money', 'coverage.outOfPocketMax'),
  outOfPocketMet: def('outOfPocketMet', 'Out-of-pocket met so far', 'money', 'coverage.outOfPocketMet'),
  allowedAmount: def(
    'allowedAmount',
    'Allowed amount (if known)',
    'money',
    'coverage.allowedAmount',
    'Leave empty to use the charges',
  ),
  levels: def('levels', 'Levels to treat', 'select', 'procedure.levels'),
  site: def('site', 'Place of service', 'select', 'procedure.site'),
  sedation: def('sedation', 'Sedation', 'select', 'procedure.sedation'),
  scheduledDate: def('scheduledDate', 'Scheduled date', 'date', 'procedure.scheduledDate', 'MM/DD/YYYY, if known'),
  language: def('language', 'Packet language', 'select', 'language'),
  largePrint: def('largePrint', 'Large print', 'checkbox', 'largePrint'),
};

/** Form order: focus goes to the first invalid field in this order. */
export const fieldOrder: FieldName[] = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'coverageKind',
  'payerName',
  'memberId',
  'inNetwork',
  'deductible',
  'deductibleMet',
  'coinsurancePercent',
  'copay',
  'outOfPocketMax',
  'outOfPocketMet',
  'allowedAmount',
  'levels',
  'site',
  'sedation',
  'scheduledDate',
  'language',
  'largePrint',
];

export type CoverageFieldName =
  | 'payerName'
  | 'memberId'
  | 'inNetwork'
  | 'deductible'
  | 'deductibleMet'
  | 'coinsurancePercent'
  | 'copay'
  | 'outOfPocketMax'
  | 'outOfPocketMet'
  | 'allowedAmount';

export const coverageFieldNames: CoverageFieldName[] = [
  'payerName',
  'memberId',
  'inNetwork',
  'deductible',
  'deductibleMet',
  'coinsurancePercent',
  'copay',
  'outOfPocketMax',
  'outOfPocketMet',
  'allowedAmount',
];

const insuredPlan: CoverageFieldName[] = coverageFieldNames;

/** Which coverage fields apply to each kind; the others are hidden (their values kept). */
export const coverageFieldsByKind: Record<CoverageKind, CoverageFieldName[]> = {
  commercial: insuredPlan,
  'medicare-advantage': insuredPlan,
  // Original Medicare: Part B deductible then 20%, no copay, no out-of-pocket maximum.
  medicare: ['memberId', 'deductible', 'deductibleMet', 'coinsurancePercent', 'allowedAmount'],
  medicaid: ['payerName', 'memberId', 'copay', 'allowedAmount'],
  'self-pay': [],
  uninsured: [],
};

export function fieldApplies(name: FieldName, kind: CoverageKind): boolean {
  const coverageField = (coverageFieldNames as FieldName[]).includes(name);
  return !coverageField || (coverageFieldsByKind[kind] as FieldName[]).includes(name);
}

/** A server issue path ("coverage.coinsurancePercent") to the field it concerns. */
export function fieldForPath(path: string): FieldName | null {
  for (const name of fieldOrder) {
    const fieldPath = fieldDefs[name].path;
    if (path === fieldPath || path.startsWith(`${fieldPath}.`)) return name;
  }
  // The procedure itself is not a field (the form has one procedure); its limits show at Levels.
  if (path === 'procedure.id') return 'levels';
  return null;
}
