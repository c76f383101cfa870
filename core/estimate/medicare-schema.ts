/**
 * Medicare's own rates for one procedure and one rate year: templates/<procedure>/medicare-<year>.json.
 * Every figure carries its public source and whether a source confirmed it; an unconfirmed
 * figure is shown as such in Settings -> Medicare rates and the clinic may replace it there.
 * Money in integer cents; the anesthesia conversion factor in cents per unit (2 decimals);
 * anesthesia base units as a number of units.
 */
import { z } from 'zod';
import { toFieldIssues } from '../result';
import type { FeeSchedule } from './procedure-schema';
import { procedureIdSchema, type DataParse } from './procedure-schema';

const text = z.string().trim().min(1, 'Fill this in.');
const code = z.string().regex(/^\d{5}$/, 'Use a 5-digit code.');

const figure = <T extends z.ZodType>(value: T) =>
  z
    .object({
      value,
      /** Where the figure comes from: a CMS file, rule or release, or a named secondary source. */
      source: text,
      /** false: no public source confirmed it; shipped replaceable and marked in Settings. */
      confirmed: z.boolean(),
      note: z.string().optional(),
    })
    .strict();

const centsValue = z.number().int('Use whole cents.').min(0, 'Use 0 or more cents.').max(100_000_000, 'Use at most $1,000,000.');
const centsFigure = figure(centsValue);
export type CentsFigure = z.infer<typeof centsFigure>;
const perUnitFigure = figure(
  z
    .number()
    .min(0)
    .max(100_000)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'Use cents with at most 2 decimals.'),
);
const unitsFigure = figure(z.number().min(0).max(100));
/** A payment no public source gave yet: null until the clinic enters it in Settings. */
const maybeCentsFigure = figure(centsValue.nullable());

/** A facility (hospital outpatient or surgery center) payment for one code, or packaged into another's. */
const facilityCode = z.union([
  z.literal('packaged'),
  z.object({ payment: maybeCentsFigure, minimumCopay: maybeCentsFigure.optional() }).strict(),
]);

export const medicareRateFileSchema = z
  .object({
    procedureId: procedureIdSchema,
    rateYear: z.number().int().min(2000).max(2100),
    note: z.string().optional(),
    deductibles: z.object({ partB: centsFigure, partA: centsFigure }).strict(),
    physician: z
      .object({
        /** Dollars per RVU, for reference (each code's amount is already total RVU x this). */
        conversionFactor: figure(z.number().min(0).max(1_000)),
        /** facility null: not paid to the physician in a facility (e.g. 99153, technical only). */
        codes: z.record(code, z.object({ nonFacility: centsFigure, facility: centsFigure.nullable() }).strict()),
      })
      .strict(),
    hospitalOutpatient: z.object({ apc: z.string().regex(/^\d{4}$/), codes: z.record(code, facilityCode) }).strict(),
    asc: z.object({ codes: z.record(code, facilityCode) }).strict(),
    anesthesia: z
      .object({
        conversionFactor: perUnitFigure,
        /** Time units = minutes / this, to one decimal (CMS Claims Processing Manual 100-04 ch. 12 s.50). */
        minutesPerTimeUnit: z.number().int().min(1).max(60),
        codes: z.record(code, z.object({ baseUnits: unitsFigure }).strict()),
      })
      .strict(),
    limits: z
      .object({
        medigapHighDeductible: centsFigure,
        medigapKOutOfPocket: centsFigure,
        medigapLOutOfPocket: centsFigure,
        medicareAdvantageOutOfPocket: centsFigure,
      })
      .strict(),
  })
  .strict();
export type MedicareRateFile = z.infer<typeof medicareRateFileSchema>;

export type FigureUnit = 'cents' | 'cents-per-unit' | 'units' | 'dollars-per-rvu';

/** One figure of a rate file, addressed by a stable id (the Settings override key). */
export interface FigureRef {
  id: string;
  /** Where it sits in the file. */
  path: readonly string[];
  unit: FigureUnit;
  /** Plain words for the Settings screen. */
  label: string;
  /** value null: not in the app (no public source found); the clinic enters it in Settings. */
  figure: { value: number | null; source: string; confirmed: boolean; note?: string | undefined };
}

const physicianSetting = { nonFacility: 'in the office', facility: 'in a hospital or surgery center' } as const;

const refsByFile = new WeakMap<MedicareRateFile, readonly FigureRef[]>();

/** Every figure of a file, in Settings order (worked out once per file: estimates ask for them often). */
export function figureRefs(file: MedicareRateFile): readonly FigureRef[] {
  let refs = refsByFile.get(file);
  if (refs === undefined) {
    refs = listFigureRefs(file);
    refsByFile.set(file, refs);
  }
  return refs;
}

function listFigureRefs(file: MedicareRateFile): FigureRef[] {
  const refs: FigureRef[] = [
    { id: 'deductibles.partB', path: ['deductibles', 'partB'], unit: 'cents', label: 'Part B deductible (yearly)', figure: file.deductibles.partB },
    {
      id: 'deductibles.partA',
      path: ['deductibles', 'partA'],
      unit: 'cents',
      label: 'Part A deductible (caps the hospital outpatient coinsurance for one service)',
      figure: file.deductibles.partA,
    },
  ];
  for (const [c, rates] of Object.entries(file.physician.codes)) {
    for (const setting of ['nonFacility', 'facility'] as const) {
      const f = rates[setting];
      if (f !== null) refs.push({ id: `physician.${c}.${setting}`, path: ['physician', 'codes', c, setting], unit: 'cents', label: `Doctor, ${c}, ${physicianSetting[setting]}`, figure: f });
    }
  }
  const facility = (group: 'hospitalOutpatient' | 'asc', words: string) => {
    for (const [c, rates] of Object.entries(file[group].codes)) {
      if (rates === 'packaged') continue;
      const apc = group === 'hospitalOutpatient' ? ` (APC ${file.hospitalOutpatient.apc})` : '';
      refs.push({ id: `${group}.${c}.payment`, path: [group, 'codes', c, 'payment'], unit: 'cents', label: `${words}, ${c}${apc}`, figure: rates.payment });
      if (rates.minimumCopay !== undefined) {
        refs.push({ id: `${group}.${c}.minimumCopay`, path: [group, 'codes', c, 'minimumCopay'], unit: 'cents', label: `${words}, ${c}: minimum patient copayment`, figure: rates.minimumCopay });
      }
    }
  };
  facility('hospitalOutpatient', 'Hospital outpatient payment');
  facility('asc', 'Surgery center payment');
  refs.push({ id: 'anesthesia.conversionFactor', path: ['anesthesia', 'conversionFactor'], unit: 'cents-per-unit', label: 'Anesthesia conversion factor (per unit)', figure: file.anesthesia.conversionFactor });
  for (const [c, rates] of Object.entries(file.anesthesia.codes)) {
    refs.push({ id: `anesthesia.${c}.baseUnits`, path: ['anesthesia', 'codes', c, 'baseUnits'], unit: 'units', label: `Anesthesia ${c}: base units`, figure: rates.baseUnits });
  }
  const limit = (key: keyof MedicareRateFile['limits'], label: string) =>
    refs.push({ id: `limits.${key}`, path: ['limits', key], unit: 'cents', label, figure: file.limits[key] });
  limit('medigapHighDeductible', 'Medigap high-deductible Plan F and G: yearly deductible');
  limit('medigapKOutOfPocket', 'Medigap Plan K: yearly out-of-pocket limit');
  limit('medigapLOutOfPocket', 'Medigap Plan L: yearly out-of-pocket limit');
  limit('medicareAdvantageOutOfPocket', 'Medicare Advantage: highest in-network out-of-pocket maximum');
  return refs;
}

/** A code billed by `provider` that the rate file does not price, by place of service. */
function missingRates(file: MedicareRateFile, schedule: FeeSchedule, fileName: string): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  for (const line of schedule.lines) {
    if (line.included === true) continue;
    const sites = line.when?.sites ?? ['hospital-outpatient', 'asc', 'office'];
    if (line.provider === 'physician' && file.physician.codes[line.code] === undefined) {
      issues.push({ path: `${fileName}.physician.codes`, message: `Give Medicare's physician amounts for ${line.code} (fee line ${line.id}).` });
    }
    if (line.provider === 'facility') {
      if (sites.includes('hospital-outpatient') && file.hospitalOutpatient.codes[line.code] === undefined) {
        issues.push({ path: `${fileName}.hospitalOutpatient.codes`, message: `Give Medicare's hospital outpatient payment for ${line.code} (or "packaged").` });
      }
      if (sites.includes('asc') && file.asc.codes[line.code] === undefined) {
        issues.push({ path: `${fileName}.asc.codes`, message: `Give Medicare's surgery center payment for ${line.code} (or "packaged").` });
      }
    }
    if (line.provider === 'anesthesia') {
      if (file.anesthesia.codes[line.code] === undefined) {
        issues.push({ path: `${fileName}.anesthesia.codes`, message: `Give the anesthesia base units for ${line.code}.` });
      }
      if (line.quantity.rule !== 'per-15-minutes') {
        issues.push({ path: `${fileName}.anesthesia`, message: `The anesthesia line ${line.id} needs expected minutes (a per-15-minutes quantity) for Medicare's time units.` });
      }
    }
  }
  return issues;
}

/** Validate a parsed medicare-<year>.json beside `schedule`: it must price every code the schedule bills. */
export function parseMedicareRateFile(data: unknown, schedule: FeeSchedule, fileName: string): DataParse<MedicareRateFile> {
  const parsed = medicareRateFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error.issues, fileName) };
  const file = parsed.data;
  if (file.procedureId !== schedule.procedureId) {
    return { ok: false, issues: [{ path: `${fileName}.procedureId`, message: `Use "${schedule.procedureId}", the procedure this file sits beside.` }] };
  }
  const expectedName = `medicare-${file.rateYear}.json`;
  if (!fileName.endsWith(expectedName)) {
    return { ok: false, issues: [{ path: `${fileName}.rateYear`, message: `The file name must be ${expectedName} for rate year ${file.rateYear}.` }] };
  }
  const missing = missingRates(file, schedule, fileName);
  return missing.length > 0 ? { ok: false, issues: missing } : { ok: true, value: file };
}
