import { describe, expect, it } from 'vitest';
import { computeEstimate } from './estimate';
import { applyFeeOverrides, checkScheduleRange, itemizeCharges, lineQuantity } from './fee-schedule';
import { parseFeeSchedule, parseProcedureDefinition, type FeeSchedule } from './procedure-schema';
import { defaultOptions, makeCase, shippedProcedureData } from '../testing/shipped-procedure';
import type { PlaceOfService, Sedation } from './types';

const { procedure, schedule } = shippedProcedureData();
const SITES: PlaceOfService[] = ['hospital-outpatient', 'asc', 'office'];
const SEDATIONS: Sedation[] = ['local', 'moderate', 'anesthesia'];

describe('default fee schedule calibration', () => {
  // Enumerated here independently of normalCombinations(): 3 levels x 3 sites x 3 sedations.
  const combos = [1, 2, 3].flatMap((levels) => SITES.flatMap((site) => SEDATIONS.map((sedation) => ({ levels, site, sedation }))));

  it('has 27 normal combinations', () => expect(combos).toHaveLength(27));

  it.each(combos)('$levels level(s), $site, $sedation: both ends within $5,000-$15,000', (choice) => {
    const e = computeEstimate(makeCase({ kind: 'self-pay' }, choice), procedure, schedule, defaultOptions);
    expect(e.charges.low).toBeGreaterThanOrEqual(500_000);
    expect(e.charges.high).toBeLessThanOrEqual(1_500_000);
    expect(e.withinReferenceRange).toBe(true);
    expect(e.warnings).toEqual([]);
  });

  it('checkScheduleRange finds nothing out of range in the defaults', () => {
    expect(checkScheduleRange(procedure, schedule)).toEqual([]);
  });

  it('keeps 4-5 levels plausible: above 3 levels, below $25,000, more than 3 levels costs more', () => {
    for (const site of SITES) {
      for (const sedation of SEDATIONS) {
        const three = itemizeCharges(schedule, { levels: 3, site, sedation }).charges;
        const five = itemizeCharges(schedule, { levels: 5, site, sedation }).charges;
        expect(five.low).toBeGreaterThan(three.low);
        expect(five.high).toBeLessThan(2_500_000);
      }
    }
  });
});

describe('checkScheduleRange with clinic fees', () => {
  it('names each combination that leaves the range', () => {
    const fees = applyFeeOverrides(schedule, { 'office-first-level': { lowCents: 100_000, highCents: 200_000 } });
    const problems = checkScheduleRange(procedure, fees);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.description.includes('office'))).toBe(true);
    expect(problems[0]).toMatchObject({ description: '1 level, office, local numbing', lowCents: 100_000, highCents: 200_000 });
  });
});

describe('applyFeeOverrides', () => {
  it('replaces the named lines only, ignores unknown ids, never charges included lines', () => {
    const fees = applyFeeOverrides(schedule, {
      'physician-first-level': { lowCents: 1, highCents: 2 },
      'no-such-line': { lowCents: 5, highCents: 6 },
      'biopsy-included': { lowCents: 100, highCents: 200 },
      'mri-lumbar': { lowCents: 7, highCents: 8 },
    });
    expect(fees.lines.find((l) => l.id === 'physician-first-level')).toMatchObject({ lowCents: 1, highCents: 2 });
    expect(fees.lines.find((l) => l.id === 'biopsy-included')).toMatchObject({ lowCents: 0, highCents: 0 });
    expect(fees.separatelyScheduled.find((l) => l.id === 'mri-lumbar')).toMatchObject({ lowCents: 7, highCents: 8 });
    expect(fees.lines.find((l) => l.id === 'facility-asc')).toEqual(schedule.lines.find((l) => l.id === 'facility-asc'));
    expect(schedule.lines.find((l) => l.id === 'physician-first-level')?.lowCents).not.toBe(1);
  });
});

describe('quantity rules', () => {
  it('once, per extra level, per 15 minutes after the first', () => {
    expect(lineQuantity({ rule: 'once' }, 3)).toBe(1);
    expect(lineQuantity({ rule: 'per-extra-level' }, 1)).toBe(0);
    expect(lineQuantity({ rule: 'per-extra-level' }, 4)).toBe(3);
    const sedation = { rule: 'per-15-minutes', firstLevelMinutes: 30, extraLevelMinutes: 15, afterMinutes: 15 } as const;
    expect(lineQuantity(sedation, 1)).toBe(1); // 30 min: 99152 + one 99153
    expect(lineQuantity(sedation, 3)).toBe(3); // 60 min
    expect(lineQuantity({ rule: 'per-15-minutes', firstLevelMinutes: 40, extraLevelMinutes: 0, afterMinutes: 0 }, 1)).toBe(3);
  });

  it('itemizes a small schedule by hand', () => {
    const tiny: FeeSchedule = {
      procedureId: 'vertebroplasty-lumbar',
      currency: 'USD',
      lines: [
        { id: 'a', code: '22511', description: 'A', provider: 'physician', lowCents: 100, highCents: 200, quantity: { rule: 'once' } },
        { id: 'b', code: '22512', description: 'B', provider: 'physician', lowCents: 10, highCents: 20, quantity: { rule: 'per-extra-level' } },
        { id: 'c', code: '22511', description: 'C', provider: 'facility', lowCents: 1000, highCents: 1000, when: { sites: ['asc'] }, quantity: { rule: 'once' } },
        { id: 'd', code: '20225', description: 'D', provider: 'physician', lowCents: 0, highCents: 0, included: true, quantity: { rule: 'once' } },
      ],
      separatelyScheduled: [],
    };
    const office = itemizeCharges(tiny, { levels: 3, site: 'office', sedation: 'local' });
    expect(office.charges).toEqual({ low: 120, high: 240 });
    expect(office.lines.map((l) => [l.code, l.quantity, l.lowCents])).toEqual([['22511', 1, 100], ['22512', 2, 20], ['20225', 1, 0]]);
    expect(itemizeCharges(tiny, { levels: 1, site: 'asc', sedation: 'local' }).charges).toEqual({ low: 1100, high: 1200 });
  });
});

describe('data file validation', () => {
  it('names the file and field that is wrong', () => {
    const bad = structuredClone(schedule) as unknown as { lines: Array<Record<string, unknown>> };
    const first = bad.lines[0];
    if (first === undefined) throw new Error('no lines');
    first.lowCents = 12.5;
    first.highCents = 1;
    const result = parseFeeSchedule(bad, procedure);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('fee-schedule.json.lines.0.lowCents');
  });

  it('refuses an included line with a charge, and duplicate ids', () => {
    const charged = structuredClone(schedule);
    const biopsy = charged.lines.find((l) => l.id === 'biopsy-included');
    if (biopsy === undefined) throw new Error('no biopsy line');
    biopsy.highCents = 100;
    expect(parseFeeSchedule(charged, procedure).ok).toBe(false);
    const dup = structuredClone(schedule);
    const [firstLine] = schedule.lines;
    if (firstLine === undefined) throw new Error('no lines');
    dup.lines.push({ ...firstLine });
    expect(parseFeeSchedule(dup, procedure).ok).toBe(false);
  });

  it('refuses a procedure file with levels out of order', () => {
    const result = parseProcedureDefinition({ ...procedure, levels: { ...procedure.levels, normalMax: 9 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('procedure.json.levels.normalMax');
  });
});
