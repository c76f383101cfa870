/**
 * The New estimate form as data: every field's name, visible label, the case-JSON path it
 * feeds, and which coverage kinds it applies to. Labels are the payer-portal words staff
 * know (issue 5); tests and tools find fields by them.
 */
import type { CoverageKind, Language, PlaceOfService, Sedation } from '../../../core/estimate/types';

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

export const coverageKinds: { value: CoverageKind; label: string }[] = [
  { value: 'commercial', label: 'Commercial insurance' },
  { value: 'medicare', label: 'Medicare' },
  { value: 'medicare-advantage', label: 'Medicare Advantage' },
  { value: 'medicaid', label: 'Medicaid' },
  { value: 'self-pay', label: 'Self-pay' },
  { value: 'uninsured', label: 'Uninsured' },
];

export const placesOfService: { value: PlaceOfService; label: string }[] = [
  { value: 'hospital-outpatient', label: 'Hospital outpatient' },
  { value: 'asc', label: 'Surgery center (ASC)' },
  { value: 'office', label: 'Office' },
];

export const sedationChoices: { value: Sedation; label: string }[] = [
  { value: 'local', label: 'Local numbing only' },
  { value: 'moderate', label: 'Moderate (by physician)' },
  { value: 'anesthesia', label: 'Anesthesia provider' },
];

export const levelChoices: { value: string; label: string }[] = [
  { value: '1', label: '1' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4 (unusual)' },
  { value: '5', label: '5 (unusual)' },
];

export const languageChoices: { value: Language; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish (Español)' },
];

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
  if (path === 'procedure.id') return 'levels';
  return null;
}
