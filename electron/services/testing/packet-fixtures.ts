/**
 * Cases, clinic profiles and a build helper shared by the packet tests and the benchmark.
 * Invented people only; the NPI passes the check digit, the TIN is a sample.
 */
import { fileURLToPath } from 'node:url';
import type { Case, Estimate } from '../../../core/estimate/types';
import type { ClinicProfile, OtherProviders } from '../../../core/settings';
import { shippedProcedureId } from '../../../core/testing/shipped-procedure';
import { createCaseEstimator, type CaseEstimator } from '../../ipc/case-estimator';
import type { ProcedureCatalog } from '../../../core/estimate/procedure-catalog';
import { createEstimateService } from '../estimate-service';
import { loadProcedureCatalog } from '../procedure-catalog';

export const templatesDir = fileURLToPath(new URL('../../../templates', import.meta.url));
export const fontsDir = fileURLToPath(new URL('../../../resources/fonts', import.meta.url));

export const PREPARED_DATE = '2026-11-29';
export const MEMBER_ID = 'XJH123456789';

export const clinic: ClinicProfile = {
  name: 'Riverside Spine Clinic',
  address: '1200 Harbor Avenue, Suite 300, Springfield, IL 62704',
  phone: '(217) 555-0142',
  npi: '1234567893',
  tin: '12-3456789',
  logoDataUrl: '',
};

export const clinicWithoutIds: ClinicProfile = { ...clinic, npi: '', tin: '' };

/** Only what every packet's letterhead needs (an insured packet needs no more): the name and phone. */
export const letterheadOnly: ClinicProfile = { name: clinic.name, address: '', phone: clinic.phone, npi: '', tin: '', logoDataUrl: '' };

export const insuredCase = {
  patient: { firstName: 'Margaret', lastName: 'Okafor', dateOfBirth: '1948-03-04' },
  procedure: { id: shippedProcedureId, levels: 2, site: 'hospital-outpatient', sedation: 'moderate', scheduledDate: '2026-12-10' },
  coverage: {
    kind: 'commercial',
    payerName: 'Blue Prairie Health PPO',
    memberId: MEMBER_ID,
    network: 'in',
    deductible: 3000,
    deductibleMet: 1200,
    coinsurancePercent: 20,
    copay: 0,
    outOfPocketMax: 6850,
    outOfPocketMet: 1500,
  },
  language: 'en',
  largePrint: false,
} as const;

export const uninsuredCase = {
  patient: { firstName: 'Walter', lastName: 'Brennan', dateOfBirth: '1951-07-19' },
  procedure: { id: shippedProcedureId, levels: 1, site: 'asc', sedation: 'anesthesia' },
  coverage: { kind: 'uninsured' },
  language: 'en',
  largePrint: false,
} as const;

export const spanishCase = {
  patient: { firstName: 'José', lastName: 'Peña Núñez', dateOfBirth: '1945-11-02' },
  procedure: { id: shippedProcedureId, levels: 1, site: 'office', sedation: 'local', scheduledDate: '2026-12-03' },
  coverage: { kind: 'self-pay' },
  language: 'es',
  largePrint: false,
} as const;

export const largePrintCase = {
  ...insuredCase,
  patient: { firstName: 'Eleanor', lastName: 'Whitfield', dateOfBirth: '1939-01-15' },
  coverage: { kind: 'medicare', memberId: '1EG4TE5MK73' },
  largePrint: true,
} as const;

export const spanishLargePrintCase = {
  patient: { firstName: 'Rosa', lastName: 'Villanueva Ortiz', dateOfBirth: '1942-06-21' },
  procedure: { id: shippedProcedureId, levels: 2, site: 'hospital-outpatient', sedation: 'moderate', scheduledDate: '2026-12-14' },
  coverage: { kind: 'self-pay' },
  language: 'es',
  largePrint: true,
} as const;

/** The hospital and surgery center a Good Faith Estimate at those sites must name; no anesthesia group yet. */
export const otherProviders: OtherProviders = {
  hospitalOutpatient: { name: 'Springfield General Hospital', npi: '1245319599', tin: '37-1234567', address: '800 East Carpenter Street, Springfield, IL 62769' },
  asc: { name: 'Lakeside Surgery Center', npi: '1234567893', tin: '98-7654321', address: '400 Lake Street, Springfield, IL 62701' },
  anesthesia: { name: '', npi: '', tin: '', address: '' },
};

/** The five packets every change to the layout is looked at with (README: "standard packets"). */
export const standardPackets = {
  insured: insuredCase,
  uninsured: uninsuredCase,
  spanish: spanishCase,
  largePrint: largePrintCase,
  spanishLargePrint: spanishLargePrintCase,
} as const;

export interface EstimatedCase {
  caseData: Case;
  estimate: Estimate;
}

let loaded: ProcedureCatalog | null = null;

/** The shipped catalog, loaded once (as the app does at start). */
export function shippedCatalog(): ProcedureCatalog {
  loaded ??= loadProcedureCatalog(templatesDir, PREPARED_DATE);
  return loaded;
}

let estimator: CaseEstimator | null = null;

/** The app's case pipeline on the shipped catalog, default fees and settings, dated PREPARED_DATE. */
export function shippedEstimator(): CaseEstimator {
  estimator ??= createCaseEstimator({
    estimates: createEstimateService(shippedCatalog()),
    settings: () => ({ feeOverrides: {}, medicareRates: {}, payerContracts: [], defaults: { selfPayDiscountPercent: 0, depositPercent: 0 } }),
    today: () => PREPARED_DATE,
  });
  return estimator;
}

/** Run a raw case through the app's case pipeline (default fees and settings). */
export function estimateCase(raw: unknown): EstimatedCase {
  const result = shippedEstimator()(raw);
  if (!result.ok) throw new Error(`fixture case is invalid: ${result.error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return { caseData: result.value.case, estimate: result.value.estimate };
}

/** The shipped procedure's usual diagnosis codes (printed while a case's diagnosis is not known). */
export function expectedDiagnoses(): string[] {
  const procedure = shippedCatalog().get(shippedProcedureId)?.procedure;
  return procedure === undefined ? [] : procedure.diagnoses.usual.filter((d) => d.expected === true).map((d) => d.code);
}

type EstimatorSettings = Parameters<typeof createCaseEstimator>[0]['settings'];

/** Run a raw case through the app's case pipeline with other settings (a self-pay discount, a deposit). */
export function estimateCaseWith(raw: unknown, settings: ReturnType<EstimatorSettings>): EstimatedCase {
  const result = createCaseEstimator({ estimates: createEstimateService(shippedCatalog()), settings: () => settings, today: () => PREPARED_DATE })(raw);
  if (!result.ok) throw new Error(`fixture case is invalid: ${result.error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return { caseData: result.value.case, estimate: result.value.estimate };
}
