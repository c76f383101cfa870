/**
 * The inverse of form-case-json.ts: a case as it was sent (a record's case, for Revise) back
 * to the New estimate form's text, and which fields it gives. Every figure the case gives
 * counts as typed, so `caseJsonFor` sends it again as it was; what the case leaves out takes
 * the coverage kind's preset (a typical figure left untouched is left out again, and the
 * engine says it is only typical). Pure; tested in Node by the round trip over the e2e cases.
 */
import type { CaseInput } from '../../../core/case/case-schema';
import { billingRoles, type CoverageKind } from '../../../core/case/enums';
import { dollarsToCents, formatCents } from '../../../core/money';
import type { PacketDefaults } from '../../../core/settings';
import { formatIsoDate } from '../lib/text-parsers';
import { typicalPresetFields } from './coverage-presets';
import { coverageFieldNames, type FieldName, type FormValues, type SupplementChoice } from './form-fields';
import { applyPreset, initialValues } from './form-model';

export interface FormFromCase {
  values: FormValues;
  /** The fields the case gives (they are sent as they are, never replaced by a preset). */
  edited: Set<FieldName>;
}

type Coverage = CaseInput['coverage'];
type Supplement = NonNullable<Coverage['supplement']>;
type MoneyField =
  | 'deductible' | 'deductibleMet' | 'copay' | 'outOfPocketMax' | 'outOfPocketMet' | 'allowedAmount' | 'medigapDeductibleMet'
  | 'medigapOutOfPocketMet' | 'facilityCopay' | 'doctorCopay' | 'anesthesiaCopay' | 'secondaryDeductible' | 'secondaryDeductibleMet'
  | 'secondaryCopay' | 'secondaryOutOfPocketMax' | 'secondaryOutOfPocketMet' | 'alreadyPaid';

/** The form's copay field for each provider (the case's `coverage.copays`). */
const copayField = { facility: 'facilityCopay', physician: 'doctorCopay', anesthesia: 'anesthesiaCopay' } as const;

/** "$1,500.00", as the form shows an amount once the field is left. */
const moneyText = (dollars: number): string => formatCents(dollarsToCents(dollars));

/** "07-01" (the case) as "07/01" (the form). */
const monthDayText = (monthDay: string): string => monthDay.replace('-', '/');

function supplementChoice(supplement: Supplement): SupplementChoice {
  if (supplement.kind === 'medigap') return `medigap-${supplement.plan}`;
  if (supplement.kind === 'medicaid') return supplement.qmb ? 'medicaid-qmb' : 'medicaid';
  return 'other';
}

class FormFiller {
  readonly edited = new Set<FieldName>();
  constructor(readonly values: FormValues) {}

  set<K extends FieldName>(name: K, value: FormValues[K]): void {
    this.values[name] = value;
    this.edited.add(name);
  }

  text<K extends FieldName>(name: K, value: FormValues[K] | undefined): void {
    if (value !== undefined) this.set(name, value);
  }

  money(name: MoneyField, dollars: number | null | undefined): void {
    if (typeof dollars === 'number') this.set(name, moneyText(dollars));
  }

  percent(name: 'coinsurancePercent' | 'supplementPaysPercent' | 'secondaryCoinsurance', value: number | undefined): void {
    if (value !== undefined) this.set(name, String(value));
  }
}

function fillCoverage(form: FormFiller, coverage: Coverage): void {
  form.text('payerName', coverage.payerName);
  form.text('memberId', coverage.memberId);
  if (coverage.network !== undefined) form.set('inNetwork', coverage.network !== 'out');
  form.money('deductible', coverage.deductible);
  form.money('deductibleMet', coverage.deductibleMet);
  form.percent('coinsurancePercent', coverage.coinsurancePercent);
  form.money('copay', coverage.copay);
  if (coverage.outOfPocketMax === null) form.set('noOutOfPocketMax', true);
  form.money('outOfPocketMax', coverage.outOfPocketMax);
  form.money('outOfPocketMet', coverage.outOfPocketMet);
  form.money('allowedAmount', coverage.allowedAmount);
  for (const role of billingRoles) form.money(copayField[role], coverage.copays?.[role]);
  // A provider's network is sent only where it differs from the plan's: otherwise it is the plan's.
  const byProvider = coverage.networkByProvider;
  for (const [name, role] of [['facilityInNetwork', 'facility'], ['anesthesiaInNetwork', 'anesthesia']] as const) {
    const network = byProvider?.[role];
    if (network === undefined) form.values[name] = form.values.inNetwork;
    else form.set(name, network === 'in');
  }
  if (coverage.planYearStart !== undefined) form.set('planYearStart', monthDayText(coverage.planYearStart));
  fillSupplement(form, coverage.supplement);
  fillSecondary(form, coverage.secondary);
}

function fillSupplement(form: FormFiller, supplement: Coverage['supplement']): void {
  if (supplement === undefined) return;
  form.set('supplement', supplementChoice(supplement));
  if (supplement.kind === 'medigap') {
    form.money('medigapDeductibleMet', supplement.deductibleMet);
    form.money('medigapOutOfPocketMet', supplement.outOfPocketMet);
  } else if (supplement.kind === 'other') {
    // The form takes the share the other plan pays; a plan of its own terms comes from case files only.
    const paysPercent = (supplement as { paysPercent?: number }).paysPercent;
    form.percent('supplementPaysPercent', paysPercent);
  }
}

function fillSecondary(form: FormFiller, secondary: Coverage['secondary']): void {
  if (secondary === undefined) return;
  form.set('hasSecondary', true);
  form.money('secondaryDeductible', secondary.deductible);
  form.money('secondaryDeductibleMet', secondary.deductibleMet);
  form.percent('secondaryCoinsurance', secondary.coinsurancePercent);
  form.money('secondaryCopay', secondary.copay);
  // Empty on the form: the second plan has no maximum.
  if (secondary.outOfPocketMax === null || secondary.outOfPocketMax === undefined) form.set('secondaryOutOfPocketMax', '');
  else form.money('secondaryOutOfPocketMax', secondary.outOfPocketMax);
  form.money('secondaryOutOfPocketMet', secondary.outOfPocketMet);
}

/**
 * A fresh form for the kind: only its typical figures prefilled (the engine would apply those
 * same figures to a case that leaves them out); every other amount empty, as a case that
 * leaves it out was sent from a form where it was empty.
 */
function startFor(kind: CoverageKind, defaults: PacketDefaults): FormValues {
  const values = applyPreset(initialValues(defaults), kind, new Set());
  const typical: FieldName[] = typicalPresetFields(kind);
  const blanks = coverageFieldNames.filter((name) => typeof values[name] === 'string' && !typical.includes(name));
  return { ...values, ...Object.fromEntries(blanks.map((name) => [name, ''])) };
}

/**
 * The form's values for a case. `defaults`: the settings' packet defaults (only for what a
 * case cannot say). The case's language and large print are its own (left out: English,
 * regular print, as the engine reads them), and so is who prepared it.
 */
export function formFromCase(input: CaseInput, defaults: PacketDefaults): FormFromCase {
  const form = new FormFiller(startFor(input.coverage.kind, defaults));
  form.set('coverageKind', input.coverage.kind);
  form.set('firstName', input.patient.firstName);
  form.set('lastName', input.patient.lastName);
  form.set('dateOfBirth', formatIsoDate(input.patient.dateOfBirth));
  fillCoverage(form, input.coverage);
  const procedure = input.procedure;
  form.set('levels', String(procedure.levels));
  form.set('site', procedure.site);
  form.set('sedation', procedure.sedation);
  if (procedure.scheduledDate !== undefined) form.set('scheduledDate', formatIsoDate(procedure.scheduledDate));
  form.money('alreadyPaid', input.payments?.alreadyPaid);
  if (input.payments?.planMonths !== undefined) form.set('planMonths', String(input.payments.planMonths));
  form.text('diagnosis', input.diagnosis);
  form.text('doctor', input.doctor);
  form.text('preparedBy', input.preparedBy);
  form.set('language', input.language ?? 'en');
  form.set('largePrint', input.largePrint ?? false);
  return { values: form.values, edited: form.edited };
}
