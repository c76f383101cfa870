/**
 * The New estimate form as data: every field's name, visible label, the case-JSON path it
 * feeds, and which coverage kinds it applies to. Labels are the payer-portal words staff
 * know (issue 5); tests and tools find fields by them.
 */
import {
  coverageKinds as coverageKindValues,
  languages,
  medigapPlans,
  type MedigapPlan,
  placesOfService as placeValues,
  sedations,
  type CoverageKind,
  type Language,
  type PlaceOfService,
  type Sedation,
} from '../../../core/case/enums';
import type { ProcedureDefinition } from '../../../core/estimate/procedure-schema';
import type { Doctor } from '../../../core/settings';

/** The `Supplemental coverage` choice behind Original Medicare. */
export type SupplementChoice = 'none' | `medigap-${MedigapPlan}` | 'medicaid-qmb' | 'medicaid' | 'other';

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
  supplement: SupplementChoice;
  medigapDeductibleMet: string;
  medigapOutOfPocketMet: string;
  supplementPaysPercent: string;
  facilityCopay: string;
  doctorCopay: string;
  anesthesiaCopay: string;
  facilityInNetwork: boolean;
  anesthesiaInNetwork: boolean;
  noOutOfPocketMax: boolean;
  planYearStart: string;
  hasSecondary: boolean;
  secondaryDeductible: string;
  secondaryDeductibleMet: string;
  secondaryCoinsurance: string;
  secondaryCopay: string;
  secondaryOutOfPocketMax: string;
  secondaryOutOfPocketMet: string;
  alreadyPaid: string;
  planMonths: string;
  levels: string;
  site: PlaceOfService;
  sedation: Sedation;
  scheduledDate: string;
  /** ICD-10-CM code from the procedure's usual diagnoses; '' = not known yet. */
  diagnosis: string;
  /** A doctor's name from Settings -> Doctors; '' = not chosen yet. */
  doctor: string;
  language: Language;
  largePrint: boolean;
  /** Staff initials (not patient data): kept with the record, remembered on this computer, never printed. */
  preparedBy: string;
}

export type FieldName = keyof FormValues;

/** Problems by field, in plain words. */
export type FieldErrors = Partial<Record<FieldName, string>>;
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
  medicare: 'Original Medicare',
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

const medigapLabel = (plan: MedigapPlan): string =>
  plan === 'F-high' ? 'Medigap Plan F (high deductible)' : plan === 'G-high' ? 'Medigap Plan G (high deductible)' : `Medigap Plan ${plan}`;

/** The exact options of `Supplemental coverage` (issue 9), in this order. */
export const supplementChoices: Choice<SupplementChoice>[] = [
  { value: 'none', label: 'None' },
  ...medigapPlans.map((plan): Choice<SupplementChoice> => ({ value: `medigap-${plan}`, label: medigapLabel(plan) })),
  { value: 'medicaid-qmb', label: 'Medicaid (QMB)' },
  { value: 'medicaid', label: 'Medicaid (not QMB)' },
  { value: 'other', label: 'Other (employer or retiree plan)' },
];

/** The Medigap plan a choice names, or null. */
export function medigapPlanOf(choice: SupplementChoice): MedigapPlan | null {
  return choice.startsWith('medigap-') ? (choice.slice('medigap-'.length) as MedigapPlan) : null;
}
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

/** The choice a draft (or an older list) holds that the list no longer has: kept, and marked, so it never silently goes. */
function withCurrent(choices: Choice<string>[], current: string, why: string): Choice<string>[] {
  if (current === '' || choices.some((c) => c.value === current)) return choices;
  return [...choices, { value: current, label: `${current} (${why})` }];
}

/** "Not known yet", then the procedure's usual diagnoses as code and name. */
export function diagnosisChoices(procedure: Pick<ProcedureDefinition, 'diagnoses'>, current = ''): Choice<string>[] {
  const usual = procedure.diagnoses.usual.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }));
  return withCurrent([{ value: '', label: 'Not known yet' }, ...usual], current, 'not in the usual list');
}

/** "Not chosen yet", then the clinic's doctors (Settings -> Doctors). */
export function doctorChoices(doctors: readonly Pick<Doctor, 'name'>[], current = ''): Choice<string>[] {
  const listed = doctors.map((d) => ({ value: d.name, label: d.name }));
  return withCurrent([{ value: '', label: 'Not chosen yet' }, ...listed], current, 'not in Settings');
}

/** The doctor chosen is no longer in Settings -> Doctors (removed or renamed since the draft). */
export function doctorNotListed(doctors: readonly Pick<Doctor, 'name'>[], current: string): boolean {
  return current !== '' && !doctors.some((d) => d.name === current);
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
  supplement: def('supplement', 'Supplemental coverage', 'select', 'coverage.supplement'),
  medigapDeductibleMet: def('medigapDeductibleMet', 'Medigap deductible met so far', 'money', 'coverage.supplement.deductibleMet', "This calendar year, toward the plan's own deductible"),
  medigapOutOfPocketMet: def('medigapOutOfPocketMet', 'Medigap out-of-pocket met so far', 'money', 'coverage.supplement.outOfPocketMet', "This year, toward the plan's yearly limit"),
  supplementPaysPercent: def('supplementPaysPercent', 'Other plan pays (%)', 'percent', 'coverage.supplement.paysPercent', 'Of what Medicare leaves to the patient'),
  facilityCopay: def('facilityCopay', 'Facility copay', 'money', 'coverage.copays.facility', 'Leave empty if the plan uses coinsurance'),
  doctorCopay: def('doctorCopay', 'Doctor copay', 'money', 'coverage.copays.physician', 'Leave empty if the plan uses coinsurance'),
  anesthesiaCopay: def('anesthesiaCopay', 'Anesthesia copay', 'money', 'coverage.copays.anesthesia', 'Leave empty if the plan uses coinsurance'),
  facilityInNetwork: def('facilityInNetwork', 'Facility in network', 'checkbox', 'coverage.networkByProvider.facility'),
  anesthesiaInNetwork: def('anesthesiaInNetwork', 'Anesthesia in network', 'checkbox', 'coverage.networkByProvider.anesthesia'),
  noOutOfPocketMax: def('noOutOfPocketMax', 'No out-of-pocket maximum', 'checkbox', 'coverage.outOfPocketMax'),
  planYearStart: def('planYearStart', 'Plan year starts', 'text', 'coverage.planYearStart', 'MM/DD; empty for January 1'),
  hasSecondary: def('hasSecondary', 'Secondary insurance', 'checkbox', 'coverage.secondary'),
  secondaryDeductible: def('secondaryDeductible', 'Secondary deductible', 'money', 'coverage.secondary.deductible'),
  secondaryDeductibleMet: def('secondaryDeductibleMet', 'Secondary deductible met so far', 'money', 'coverage.secondary.deductibleMet'),
  secondaryCoinsurance: def('secondaryCoinsurance', 'Secondary coinsurance (%)', 'percent', 'coverage.secondary.coinsurancePercent'),
  secondaryCopay: def('secondaryCopay', 'Secondary copay', 'money', 'coverage.secondary.copay'),
  secondaryOutOfPocketMax: def('secondaryOutOfPocketMax', 'Secondary out-of-pocket maximum', 'money', 'coverage.secondary.outOfPocketMax', 'Leave empty if it has none'),
  secondaryOutOfPocketMet: def('secondaryOutOfPocketMet', 'Secondary out-of-pocket met so far', 'money', 'coverage.secondary.outOfPocketMet'),
  alreadyPaid: def('alreadyPaid', 'Already paid', 'money', 'payments.alreadyPaid', 'Toward this procedure, to the clinic'),
  planMonths: def('planMonths', 'Payment plan (months)', 'text', 'payments.planMonths', 'Empty for none; 2 to 60'),
  levels: def('levels', 'Levels to treat', 'select', 'procedure.levels'),
  site: def('site', 'Place of service', 'select', 'procedure.site'),
  sedation: def('sedation', 'Sedation', 'select', 'procedure.sedation'),
  scheduledDate: def('scheduledDate', 'Scheduled date', 'date', 'procedure.scheduledDate', 'MM/DD/YYYY, if known'),
  doctor: def('doctor', 'Doctor', 'select', 'doctor'),
  diagnosis: def('diagnosis', 'Diagnosis', 'select', 'diagnosis', 'ICD-10-CM; the doctor confirms it'),
  language: def('language', 'Packet language', 'select', 'language'),
  largePrint: def('largePrint', 'Large print', 'checkbox', 'largePrint'),
  preparedBy: def('preparedBy', 'Prepared by', 'text', 'preparedBy', 'Your initials; remembered on this computer'),
};

/** Coverage order for display: the copays sit where the one copay sits for other plans. */
export const coverageDisplayOrder = [
  'payerName',
  'memberId',
  'inNetwork',
  'facilityInNetwork',
  'anesthesiaInNetwork',
  'supplement',
  'medigapDeductibleMet',
  'medigapOutOfPocketMet',
  'supplementPaysPercent',
  'deductible',
  'deductibleMet',
  'coinsurancePercent',
  'copay',
  'facilityCopay',
  'doctorCopay',
  'anesthesiaCopay',
  'noOutOfPocketMax',
  'outOfPocketMax',
  'outOfPocketMet',
  'planYearStart',
  'allowedAmount',
  'hasSecondary',
  'secondaryDeductible',
  'secondaryDeductibleMet',
  'secondaryCoinsurance',
  'secondaryCopay',
  'secondaryOutOfPocketMax',
  'secondaryOutOfPocketMet',
] as const satisfies readonly FieldName[];

/** The Procedure group, in the order it shows (the diagnosis last: its names need the whole row). */
export const procedureFieldNames = ['levels', 'site', 'sedation', 'scheduledDate', 'doctor', 'diagnosis'] as const satisfies readonly FieldName[];

/** Money toward the procedure: for every coverage kind. */
export const paymentFieldNames = ['alreadyPaid', 'planMonths'] as const satisfies readonly FieldName[];

/** The Packet group, just before the packet buttons: who prepared it goes with printing it. */
export const packetFieldNames = ['language', 'largePrint', 'preparedBy'] as const satisfies readonly FieldName[];

/** Form order: focus goes to the first invalid field in this order (the order they show in). */
export const fieldOrder: FieldName[] = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'coverageKind',
  ...coverageDisplayOrder,
  ...procedureFieldNames,
  ...paymentFieldNames,
  ...packetFieldNames,
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
  | 'allowedAmount'
  | 'supplement'
  | 'medigapDeductibleMet'
  | 'medigapOutOfPocketMet'
  | 'supplementPaysPercent'
  | 'facilityCopay'
  | 'doctorCopay'
  | 'anesthesiaCopay'
  | 'facilityInNetwork'
  | 'anesthesiaInNetwork'
  | 'noOutOfPocketMax'
  | 'planYearStart'
  | 'hasSecondary'
  | 'secondaryDeductible'
  | 'secondaryDeductibleMet'
  | 'secondaryCoinsurance'
  | 'secondaryCopay'
  | 'secondaryOutOfPocketMax'
  | 'secondaryOutOfPocketMet';

export const coverageFieldNames: CoverageFieldName[] = [...coverageDisplayOrder];

const secondaryPlan: CoverageFieldName[] = [
  'hasSecondary', 'secondaryDeductible', 'secondaryDeductibleMet', 'secondaryCoinsurance', 'secondaryCopay', 'secondaryOutOfPocketMax', 'secondaryOutOfPocketMet',
];

// Commercial: copays per provider (issue 10); one plan-wide copay is still taken from case files.
const commercialPlan: CoverageFieldName[] = [
  'payerName', 'memberId', 'inNetwork', 'facilityInNetwork', 'anesthesiaInNetwork', 'deductible', 'deductibleMet', 'coinsurancePercent',
  'facilityCopay', 'doctorCopay', 'anesthesiaCopay', 'noOutOfPocketMax', 'outOfPocketMax', 'outOfPocketMet', 'planYearStart', 'allowedAmount', ...secondaryPlan,
];

/** Which coverage fields apply to each kind; the others are hidden (their values kept). */
export const coverageFieldsByKind: Record<CoverageKind, CoverageFieldName[]> = {
  commercial: commercialPlan,
  // Medicare Advantage: copays per provider (or coinsurance); approved amounts are Medicare's.
  'medicare-advantage': [
    'payerName', 'memberId', 'inNetwork', 'facilityInNetwork', 'anesthesiaInNetwork', 'deductible', 'deductibleMet', 'coinsurancePercent',
    'facilityCopay', 'doctorCopay', 'anesthesiaCopay', 'outOfPocketMax', 'outOfPocketMet',
  ],
  // Original Medicare: its deductible, 20% and rates are set by law (the rate file); what the patient met, and what stands behind it.
  medicare: ['memberId', 'deductibleMet', 'supplement', 'medigapDeductibleMet', 'medigapOutOfPocketMet', 'supplementPaysPercent'],
  medicaid: ['payerName', 'memberId', 'copay', 'allowedAmount'],
  'self-pay': [],
  uninsured: [],
};

/** The choices on the form that show or hide other fields. */
export type FieldState = Partial<Pick<FormValues, 'supplement' | 'hasSecondary' | 'noOutOfPocketMax' | 'site' | 'sedation'>>;

/** Fields that show only for some choices: the supplement's, the secondary plan's, the maximum's. */
function choiceFieldApplies(name: FieldName, state: FieldState): boolean {
  const supplement = state.supplement ?? 'none';
  const plan = medigapPlanOf(supplement);
  if (name === 'medigapDeductibleMet') return plan === 'F-high' || plan === 'G-high';
  if (name === 'medigapOutOfPocketMet') return plan === 'K' || plan === 'L';
  if (name === 'supplementPaysPercent') return supplement === 'other';
  if (name !== 'hasSecondary' && (secondaryPlan as FieldName[]).includes(name)) return state.hasSecondary === true;
  if (name === 'outOfPocketMax' || name === 'outOfPocketMet') return state.noOutOfPocketMax !== true;
  // A facility or anesthesia network matters only where that provider bills.
  if (name === 'facilityInNetwork') return state.site !== 'office';
  if (name === 'anesthesiaInNetwork') return state.sedation === 'anesthesia';
  return true;
}

export function fieldApplies(name: FieldName, kind: CoverageKind, state: FieldState = {}): boolean {
  const coverageField = (coverageFieldNames as FieldName[]).includes(name);
  if (!coverageField) return true;
  return (coverageFieldsByKind[kind] as FieldName[]).includes(name) && choiceFieldApplies(name, state);
}

/** A field's hint for this coverage kind, where it differs from its usual one. */
export function fieldHint(name: FieldName, kind: CoverageKind): string | undefined {
  if (kind === 'medicare-advantage' && name === 'outOfPocketMax') return "Leave empty to use Medicare's yearly limit for plans (typical)";
  if (kind === 'medicare' && name === 'deductibleMet') return 'Toward the Part B deductible, this calendar year';
  return fieldDefs[name].hint;
}

/** A server issue path ("coverage.coinsurancePercent") to the field it concerns. */
export function fieldForPath(path: string): FieldName | null {
  // The longest matching path wins: coverage.supplement.paysPercent before coverage.supplement.
  let best: FieldName | null = null;
  for (const name of fieldOrder) {
    const fieldPath = fieldDefs[name].path;
    const matches = path === fieldPath || path.startsWith(`${fieldPath}.`);
    if (matches && (best === null || fieldPath.length > fieldDefs[best].path.length)) best = name;
  }
  if (best !== null) return best;
  // The procedure itself is not a field (the form has one procedure); its limits show at Levels.
  if (path === 'procedure.id') return 'levels';
  return null;
}
