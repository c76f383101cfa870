/**
 * Fee schedule helpers: which lines a case carries, clinic overrides, and the check that
 * every normal combination (1 to normalMax levels x site x sedation) stays in the published range.
 */
import type { CentsRange, EstimateLine, PlaceOfService, Sedation, SeparateItem } from './types';
import type { FeeLine, FeeSchedule, ProcedureDefinition, QuantityRule } from './procedure-schema';

export interface ChargeOptions {
  levels: number;
  site: PlaceOfService;
  sedation: Sedation;
}

/** How many units of a line a case with `levels` levels carries (0 = line left out). */
export function lineQuantity(rule: QuantityRule, levels: number): number {
  switch (rule.rule) {
    case 'once':
      return 1;
    case 'per-extra-level':
      return Math.max(0, levels - 1);
    case 'per-15-minutes': {
      const minutes = rule.firstLevelMinutes + rule.extraLevelMinutes * Math.max(0, levels - 1);
      return Math.ceil(Math.max(0, minutes - rule.afterMinutes) / 15);
    }
  }
}

export function lineApplies(line: FeeLine, site: PlaceOfService, sedation: Sedation): boolean {
  const sites = line.when?.sites;
  const sedationList = line.when?.sedations;
  return (sites === undefined || sites.includes(site)) && (sedationList === undefined || sedationList.includes(sedation));
}

export interface Itemized {
  lines: EstimateLine[];
  charges: CentsRange;
}

/** The itemized lines for one choice, quantity applied; included lines shown with 0. */
export function itemizeCharges(schedule: FeeSchedule, choice: ChargeOptions): Itemized {
  const lines: EstimateLine[] = [];
  let low = 0;
  let high = 0;
  for (const line of schedule.lines) {
    if (!lineApplies(line, choice.site, choice.sedation)) continue;
    const quantity = lineQuantity(line.quantity, choice.levels);
    if (quantity === 0) continue;
    if (line.included === true) {
      lines.push({ id: line.id, code: line.code, description: line.description, provider: line.provider, quantity, lowCents: 0, highCents: 0, included: true });
      continue;
    }
    const lowCents = line.lowCents * quantity;
    const highCents = line.highCents * quantity;
    low += lowCents;
    high += highCents;
    lines.push({ id: line.id, code: line.code, description: line.description, provider: line.provider, quantity, lowCents, highCents });
  }
  return { lines, charges: { low, high } };
}

export function separatelyScheduledItems(schedule: FeeSchedule): SeparateItem[] {
  return schedule.separatelyScheduled.map((item) => ({
    code: item.code,
    description: item.description,
    provider: item.provider,
    lowCents: item.lowCents,
    highCents: item.highCents,
  }));
}

export type FeeOverrides = Readonly<Record<string, { lowCents: number; highCents: number }>>;

/**
 * The clinic's own charges replace the defaults line by line. Ids not in the schedule
 * (stale settings) are ignored, and included lines stay at 0: they are never charged.
 */
export function applyFeeOverrides(schedule: FeeSchedule, overrides: FeeOverrides): FeeSchedule {
  const pick = <T extends { id: string; lowCents: number; highCents: number }>(line: T): T => {
    const override = Object.hasOwn(overrides, line.id) ? overrides[line.id] : undefined;
    if (override === undefined) return line;
    return { ...line, lowCents: override.lowCents, highCents: override.highCents };
  };
  return {
    ...schedule,
    lines: schedule.lines.map((line) => (line.included === true ? line : pick(line))),
    separatelyScheduled: schedule.separatelyScheduled.map(pick),
  };
}

export interface RangeProblem {
  description: string;
  lowCents: number;
  highCents: number;
}

const siteWords: Record<PlaceOfService, string> = {
  'hospital-outpatient': 'hospital outpatient',
  asc: 'surgery center',
  office: 'office',
};
const sedationWords: Record<Sedation, string> = {
  local: 'local numbing',
  moderate: 'moderate sedation',
  anesthesia: 'anesthesia provider',
};

export function describeChoice(choice: ChargeOptions): string {
  const levelWords = choice.levels === 1 ? '1 level' : `${choice.levels} levels`;
  return `${levelWords}, ${siteWords[choice.site]}, ${sedationWords[choice.sedation]}`;
}

/** Every normal combination: levels min..normalMax x the procedure's sites x sedations. */
export function normalCombinations(procedure: ProcedureDefinition): ChargeOptions[] {
  const combos: ChargeOptions[] = [];
  for (let levels = procedure.levels.min; levels <= procedure.levels.normalMax; levels += 1) {
    for (const site of procedure.sites) {
      for (const sedation of procedure.sedations) combos.push({ levels, site, sedation });
    }
  }
  return combos;
}

export function isWithinRange(charges: CentsRange, range: { lowCents: number; highCents: number }): boolean {
  return charges.low >= range.lowCents && charges.high <= range.highCents;
}

/** The normal combinations whose total (low or high end) leaves the published range. */
export function checkScheduleRange(procedure: ProcedureDefinition, schedule: FeeSchedule): RangeProblem[] {
  const problems: RangeProblem[] = [];
  for (const choice of normalCombinations(procedure)) {
    const { charges } = itemizeCharges(schedule, choice);
    if (!isWithinRange(charges, procedure.referenceRange)) {
      problems.push({ description: describeChoice(choice), lowCents: charges.low, highCents: charges.high });
    }
  }
  return problems;
}
