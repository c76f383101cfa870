/**
 * Which Medicare rate file a case uses (its year's, else the nearest earlier one), the
 * clinic's locality amounts over the national ones, and Medicare's amount for each
 * itemized line by place of service (DOMAIN.md section 2b):
 * - physician: the fee schedule's non-facility amount in the office, the facility amount in
 *   a hospital or surgery center (each added level paid in full: add-on codes are never reduced);
 * - hospital outpatient and surgery center: one payment for the primary code, added levels packaged;
 * - anesthesia: (base units + minutes / 15 to one decimal) x the anesthesia conversion factor.
 */
import type { FeeLine, FeeSchedule } from './procedure-schema';
import { figureRefs, type MedicareRateFile } from './medicare-schema';
import type { EstimateLine, PlaceOfService, Sedation } from './types';

/** The clinic's own amounts, by figure id (see figureRefs), in the figure's unit. */
export type MedicareOverrides = Readonly<Record<string, number>>;

export interface ChosenRates {
  file: MedicareRateFile;
  /** The year the case falls in (scheduled date, else today). */
  caseYear: number;
  /** Figure ids whose value is the clinic's (Settings), not the national one. */
  overridden: string[];
}

/** The Medicare figures a case uses: its calendar year's file (else the nearest), with the clinic's amounts for that file. */
export function ratesForCase(
  c: { procedure: { scheduledDate?: string | undefined } },
  options: { today: string; medicare: { files: readonly MedicareRateFile[]; overrides: Readonly<Record<string, MedicareOverrides>> } },
): ChosenRates {
  const todayYear = Number(options.today.slice(0, 4));
  const caseYear = c.procedure.scheduledDate === undefined ? todayYear : Number(c.procedure.scheduledDate.slice(0, 4));
  const national = chooseRateFile(options.medicare.files, caseYear);
  if (national === null) throw new RangeError('no Medicare rate file for this procedure');
  const { file, overridden } = applyMedicareOverrides(national, options.medicare.overrides[String(national.rateYear)] ?? {});
  return { file, caseYear, overridden };
}

/** The file for `year`, else the latest earlier one, else the earliest; null when there is none. */
export function chooseRateFile(files: readonly MedicareRateFile[], year: number): MedicareRateFile | null {
  let best: MedicareRateFile | null = null;
  let earliest: MedicareRateFile | null = null;
  for (const f of files) {
    if (earliest === null || f.rateYear < earliest.rateYear) earliest = f;
    if (f.rateYear <= year && (best === null || f.rateYear > best.rateYear)) best = f;
  }
  return best ?? earliest;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

interface Applied {
  file: MedicareRateFile;
  overridden: string[];
}
const appliedCache = new WeakMap<MedicareRateFile, WeakMap<MedicareOverrides, Applied>>();

/**
 * `file` with the clinic's amounts in place (a copy; the file itself when there are none);
 * unknown ids are ignored (stale settings). Kept per file and overrides object: the settings
 * object is the same for every keystroke until it is saved again.
 */
export function applyMedicareOverrides(file: MedicareRateFile, overrides: MedicareOverrides): Applied {
  if (Object.keys(overrides).length === 0) return { file, overridden: [] };
  let byOverrides = appliedCache.get(file);
  if (byOverrides === undefined) {
    byOverrides = new WeakMap();
    appliedCache.set(file, byOverrides);
  }
  let applied = byOverrides.get(overrides);
  if (applied === undefined) {
    applied = withOverrides(file, overrides);
    byOverrides.set(overrides, applied);
  }
  return applied;
}

function withOverrides(file: MedicareRateFile, overrides: MedicareOverrides): Applied {
  const copy = structuredClone(file);
  const overridden: string[] = [];
  for (const ref of figureRefs(file)) {
    if (!Object.hasOwn(overrides, ref.id)) continue;
    const value = overrides[ref.id];
    if (value === undefined || value === ref.figure.value) continue;
    let node: unknown = copy;
    for (const key of ref.path) node = isRecord(node) ? node[key] : undefined;
    if (isRecord(node)) {
      node['value'] = value;
      overridden.push(ref.id);
    }
  }
  return { file: copy, overridden };
}

export interface LineAmount {
  cents: number;
  /** The figure ids this amount rests on. */
  figureIds: string[];
  /** The payment the line needs is not in the app yet (null until the clinic enters it): cents is 0. */
  missing: boolean;
}

const none: LineAmount = { cents: 0, figureIds: [], missing: false };

/** Minutes the schedule expects for a per-15-minutes line at `levels` levels. */
function expectedMinutes(line: FeeLine, levels: number): number {
  if (line.quantity.rule !== 'per-15-minutes') return 0;
  return line.quantity.firstLevelMinutes + line.quantity.extraLevelMinutes * Math.max(0, levels - 1);
}

/**
 * Medicare's amount for one itemized line. `line.id` finds its fee line (for anesthesia minutes).
 * The rate file was checked at load to price every billed code, so a missing code is 0 with no figure.
 */
export function medicareLineAmount(
  file: MedicareRateFile,
  schedule: FeeSchedule,
  line: EstimateLine,
  choice: { site: PlaceOfService; sedation: Sedation; levels: number },
): LineAmount {
  if (line.included === true) return none;
  if (line.provider === 'physician') {
    const rates = file.physician.codes[line.code];
    const setting = choice.site === 'office' ? 'nonFacility' : 'facility';
    const f = rates?.[setting];
    if (f === undefined || f === null) return none;
    return { cents: f.value * line.quantity, figureIds: [`physician.${line.code}.${setting}`], missing: false };
  }
  if (line.provider === 'facility') {
    if (choice.site === 'office') return none;
    const group = choice.site === 'asc' ? 'asc' : 'hospitalOutpatient';
    const rates = file[group].codes[line.code];
    if (rates === undefined || rates === 'packaged') return none;
    // One payment for the service, whatever the quantity (comprehensive APC / ASC); null: not known yet.
    return { cents: rates.payment.value ?? 0, figureIds: [`${group}.${line.code}.payment`], missing: rates.payment.value === null };
  }
  if (line.provider === 'anesthesia') {
    const feeLine = schedule.lines.find((l) => l.id === line.id);
    const rates = file.anesthesia.codes[line.code];
    if (feeLine === undefined || rates === undefined) return none;
    const tenthsOfTimeUnits = Math.round((expectedMinutes(feeLine, choice.levels) * 10) / file.anesthesia.minutesPerTimeUnit);
    const tenthsOfUnits = Math.round(rates.baseUnits.value * 10) + tenthsOfTimeUnits;
    // conversion factor in cents (2 decimals) x units (1 decimal): one rounding, to the cent.
    const cents = Math.round((tenthsOfUnits * Math.round(file.anesthesia.conversionFactor.value * 100)) / 1_000);
    return { cents, figureIds: ['anesthesia.conversionFactor', `anesthesia.${line.code}.baseUnits`], missing: false };
  }
  return none;
}

/**
 * The hospital's minimum copayment and its payment for the service, when both are known: the
 * patient's hospital coinsurance is that share of the payment (CMS sets it at 20%).
 */
export function hospitalCopayFor(file: MedicareRateFile, lines: readonly EstimateLine[]): { paymentCents: number; minimumCopayCents: number } | null {
  for (const line of lines) {
    if (line.provider !== 'facility' || line.included === true) continue;
    const rates = file.hospitalOutpatient.codes[line.code];
    if (rates === undefined || rates === 'packaged') continue;
    const payment = rates.payment.value;
    const copay = rates.minimumCopay?.value ?? null;
    return payment !== null && copay !== null && payment > 0 ? { paymentCents: payment, minimumCopayCents: copay } : null;
  }
  return null;
}
