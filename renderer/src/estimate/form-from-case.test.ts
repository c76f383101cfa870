import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../../core/case/case-schema';
import { coverageKinds } from '../../../core/case/enums';
import { resolveProcedureAlias, validateCase } from '../../../core/case/validate-case';
import { formatCents } from '../../../core/money';
import { defaultSettings } from '../../../core/settings';
import { shippedProcedureData } from '../../../core/testing/shipped-procedure';
import { fieldApplies, fieldOrder, languageChoices, levelChoices, placeChoices, sedationChoices, supplementChoices, type FormValues } from './form-fields';
import { caseJsonFor, toCaseJson } from './form-case-json';
import { formFromCase } from './form-from-case';
import { initialValues } from './form-model';

const { procedure } = shippedProcedureData();
const defaults = defaultSettings.defaults;
declare global {
  interface ImportMeta {
    /** Vite (so Vitest) reads the files matching at build time: the renderer's tests have no node:fs. */
    glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
  }
}

const caseFiles = import.meta.glob<unknown>('../../../e2e/cases/*.json', { eager: true, import: 'default' });

/** The case files the form can hold: a patient, the app's one procedure (or what staff type for it) and a coverage. */
function formCases(): { file: string; input: CaseInput }[] {
  return Object.entries(caseFiles)
    .map(([path, json]) => ({ file: path.slice(path.lastIndexOf('/') + 1), raw: resolveProcedureAlias(structuredClone(json), [procedure]).raw as Record<string, unknown> }))
    .filter(({ raw }) => typeof raw['patient'] === 'object' && (raw['procedure'] as { id?: unknown } | undefined)?.id === procedure.id)
    .map(({ file, raw }) => ({ file, input: raw as unknown as CaseInput }));
}

/** What the form always says that a case file may leave to the engine's defaults. */
function withFormDefaults(input: CaseInput): CaseInput {
  const coverage = fieldApplies('inNetwork', input.coverage.kind) ? { ...input.coverage, network: input.coverage.network ?? 'in' } : input.coverage;
  return { ...input, coverage, language: input.language ?? 'en', largePrint: input.largePrint ?? false };
}

const roundTrip = (input: CaseInput): CaseInput => {
  const { values, edited } = formFromCase(input, defaults);
  return caseJsonFor(values, edited, { procedure });
};

describe('formFromCase (Revise: a record case back on the form)', () => {
  const cases = formCases();

  it('covers the e2e case files the form can hold', () => {
    expect(cases.map((c) => c.file)).toEqual(expect.arrayContaining(['commercial-in-network.json', 'medicare.json', 'medicare-advantage.json', 'uninsured-gfe.json', 'seed-code-22371.json']));
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(formCases())('gives back $file as it was sent', ({ input }) => {
    expect(roundTrip(input)).toEqual(withFormDefaults(input));
  });

  it.each(formCases())('makes the same engine case of $file (or the same problems)', ({ input }) => {
    const context = { today: '2026-03-01', catalog: [procedure] };
    const before = validateCase(input, context);
    const after = validateCase(roundTrip(input), context);
    if (before.ok && after.ok) expect(after.value.case).toEqual(before.value.case);
    else expect(after).toEqual(before);
  });

  it('shows dates and money as staff type them, and counts what the case gives as typed', () => {
    const { values, edited } = formFromCase(
      {
        patient: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1948-03-04' },
        procedure: { id: procedure.id, levels: 2, site: 'asc', sedation: 'anesthesia', scheduledDate: '2027-02-10' },
        coverage: { kind: 'commercial', deductible: 3000, coinsurancePercent: 20, planYearStart: '07-01', networkByProvider: { anesthesia: 'out' } },
        preparedBy: 'JD',
      },
      defaults,
    );
    expect(values).toMatchObject({ dateOfBirth: '03/04/1948', scheduledDate: '02/10/2027', deductible: '$3,000.00', coinsurancePercent: '20', planYearStart: '07/01', levels: '2' });
    expect(values).toMatchObject({ inNetwork: true, facilityInNetwork: true, anesthesiaInNetwork: false, preparedBy: 'JD' });
    expect(edited.has('deductible')).toBe(true);
    // Left out of the case: a typical figure, shown on the form but not sent (the engine says it is typical).
    expect(values.outOfPocketMax).toBe(formatCents(600_000));
    expect(edited.has('outOfPocketMax')).toBe(false);
  });

  it('is English in regular print when the case does not say, whatever the Settings defaults', () => {
    const { values } = formFromCase(
      { patient: { firstName: 'A', lastName: 'B', dateOfBirth: '1950-01-01' }, procedure: { id: procedure.id, levels: 1, site: 'office', sedation: 'local' }, coverage: { kind: 'self-pay' } },
      { ...defaults, language: 'es', largePrint: true },
    );
    expect(values).toMatchObject({ language: 'en', largePrint: false });
  });
});

// ---- Any form that can be issued: form -> case -> form -> case is the same case ----------

const amount = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 2_000_000_00 }).map(formatCents));
const percentText = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 10_000 }).map((n) => String(n / 100)));
const dateText = fc.oneof(
  fc.constant(''),
  fc.record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(
    ({ y, m, d }) => `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`,
  ),
);
const words = fc.stringMatching(/^[A-Za-z0-9 .'-]{0,16}$/);
const pick = <T extends string>(choices: { value: T }[]) => fc.constantFrom(...choices.map((c) => c.value));

const formValues: fc.Arbitrary<FormValues> = fc.record({
  firstName: words,
  lastName: words,
  dateOfBirth: dateText,
  coverageKind: fc.constantFrom(...coverageKinds),
  payerName: words,
  memberId: words,
  inNetwork: fc.boolean(),
  deductible: amount,
  deductibleMet: amount,
  coinsurancePercent: percentText,
  copay: amount,
  outOfPocketMax: amount,
  outOfPocketMet: amount,
  allowedAmount: amount,
  supplement: pick(supplementChoices),
  medigapDeductibleMet: amount,
  medigapOutOfPocketMet: amount,
  supplementPaysPercent: percentText,
  facilityCopay: amount,
  doctorCopay: amount,
  anesthesiaCopay: amount,
  facilityInNetwork: fc.boolean(),
  anesthesiaInNetwork: fc.boolean(),
  noOutOfPocketMax: fc.boolean(),
  planYearStart: fc.constantFrom('', '01/01', '07/01', '10/15'),
  hasSecondary: fc.boolean(),
  secondaryDeductible: amount,
  secondaryDeductibleMet: amount,
  secondaryCoinsurance: percentText,
  secondaryCopay: amount,
  secondaryOutOfPocketMax: amount,
  secondaryOutOfPocketMet: amount,
  alreadyPaid: amount,
  planMonths: fc.oneof(fc.constant(''), fc.integer({ min: 2, max: 60 }).map(String)),
  levels: pick(levelChoices(procedure)),
  site: pick(placeChoices(procedure)),
  sedation: pick(sedationChoices(procedure)),
  scheduledDate: dateText,
  diagnosis: fc.constantFrom('', ...procedure.diagnoses.usual.map((d) => d.code)),
  doctor: fc.constantFrom('', 'Dr. Ana Ruiz'),
  language: pick(languageChoices),
  largePrint: fc.boolean(),
  preparedBy: fc.stringMatching(/^[A-Z]{0,4}$/),
});

describe('formFromCase after toCaseJson (property)', () => {
  it('gives the same case again, whatever was typed and whichever fields staff touched', () => {
    fc.assert(
      fc.property(formValues, fc.subarray(fieldOrder), (values, touched) => {
        const sent = caseJsonFor(values, new Set(touched), { procedure });
        expect(roundTrip(sent)).toEqual(sent);
      }),
      { numRuns: 500 },
    );
  });

  it('holds for a fresh form too', () => {
    const sent = toCaseJson(initialValues(defaults), procedure);
    expect(roundTrip(sent)).toEqual(sent);
  });
});
