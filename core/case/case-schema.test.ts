import { describe, expect, it } from 'vitest';
import { caseInputSchema, isCalendarDate } from './case-schema';
import { parseCase } from '../testing/shipped-procedure';

const TODAY = '2026-05-15';
const valid = () => ({
  patient: { firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '1948-07-04' },
  procedure: { id: 'vertebroplasty-lumbar', levels: 2, site: 'asc', sedation: 'moderate', scheduledDate: '2026-06-01' },
  coverage: {
    kind: 'commercial',
    payerName: 'Acme Health',
    memberId: 'XYZ123456789',
    network: 'in',
    deductible: 3000,
    deductibleMet: 1250.5,
    coinsurancePercent: 20,
    copay: 150,
    outOfPocketMax: 6850,
    outOfPocketMet: 0,
    allowedAmount: 12000.01,
  },
  language: 'es',
  largePrint: true,
});

type Mutate = (c: ReturnType<typeof valid>) => unknown;
const issuesFor = (mutate: Mutate) => {
  const c = valid();
  const result = parseCase(mutate(c) ?? c, TODAY);
  return result.ok ? [] : result.issues;
};
const pathsFor = (mutate: Mutate) => issuesFor(mutate).map((i) => i.path);

describe('parseCase: valid input', () => {
  it('converts dollars to cents once and keeps everything else', () => {
    const result = parseCase(valid(), TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.coverage).toMatchObject({
      deductibleCents: 300_000,
      deductibleMetCents: 125_050,
      copayCents: 15_000,
      outOfPocketMaxCents: 685_000,
      allowedAmountCents: 1_200_001,
      coinsurancePercent: 20,
      network: 'in',
    });
    expect(result.value.procedure).toEqual({ id: 'vertebroplasty-lumbar', levels: 2, site: 'asc', sedation: 'moderate', scheduledDate: '2026-06-01' });
    expect(result.value.language).toBe('es');
    expect(result.value.largePrint).toBe(true);
  });

  it('fills defaults: in network, English, normal print; blank plan fields stay blank', () => {
    const result = parseCase({ ...valid(), coverage: { kind: 'medicare', outOfPocketMax: null }, language: undefined, largePrint: undefined }, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.coverage.network).toBe('in');
    expect(result.value.coverage.outOfPocketMaxCents).toBeNull();
    expect(result.value.coverage.deductibleCents).toBeUndefined();
    expect(result.value.language).toBe('en');
    expect(result.value.largePrint).toBe(false);
  });

  it('accepts 4 and 5 levels and a birthday today', () => {
    expect(pathsFor((c) => void (c.procedure.levels = 5))).toEqual([]);
    expect(pathsFor((c) => void (c.patient.dateOfBirth = TODAY))).toEqual([]);
  });
});

describe('parseCase: invalid input names the field and says what is wanted', () => {
  it.each<[string, Mutate, string, RegExp]>([
    ['coinsurance 120', (c) => void (c.coverage.coinsurancePercent = 120), 'coverage.coinsurancePercent', /percentage from 0 to 100/],
    ['negative deductible', (c) => void (c.coverage.deductible = -1), 'coverage.deductible', /0 or more/],
    ['three decimals of money', (c) => void (c.coverage.copay = 10.005), 'coverage.copay', /at most 2 decimals/],
    ['birth date in the future', (c) => void (c.patient.dateOfBirth = '2026-05-16'), 'patient.dateOfBirth', /future/],
    ['birth date 121 years ago', (c) => void (c.patient.dateOfBirth = '1905-05-14'), 'patient.dateOfBirth', /more than 120 years/],
    ['not a calendar date', (c) => void (c.patient.dateOfBirth = '1950-02-30'), 'patient.dateOfBirth', /real date/],
    ['US date format', (c) => void (c.procedure.scheduledDate = '06/01/2026'), 'procedure.scheduledDate', /YYYY-MM-DD/],
    ['levels 0', (c) => void (c.procedure.levels = 0), 'procedure.levels', /at least 1/],
    ['levels 6', (c) => void (c.procedure.levels = 6), 'procedure.levels', /more than 5 in one session/],
    ['levels 1.5', (c) => void (c.procedure.levels = 1.5), 'procedure.levels', /whole number/],
    ['unknown procedure', (c) => void (c.procedure.id = 'kyphoplasty'), 'procedure.id', /procedure/],
    ['unknown site', (c) => void (c.procedure.site = 'home'), 'procedure.site', /place of service/],
    ['unknown coverage kind', (c) => void (c.coverage.kind = 'ppo'), 'coverage.kind', /Choose the coverage/],
    ['money as text', (c) => ({ ...c, coverage: { ...c.coverage, deductible: '3000' } }), 'coverage.deductible', /number of dollars/],
    ['levels as text', (c) => ({ ...c, procedure: { ...c.procedure, levels: '2' } }), 'procedure.levels', /whole number/],
    ['large print as text', (c) => ({ ...c, largePrint: 'yes' }), 'largePrint', /true or false/],
    ['missing first name', (c) => ({ ...c, patient: { lastName: 'L', dateOfBirth: '1950-01-01' } }), 'patient.firstName', /Enter the patient's first name/],
    ['blank last name', (c) => void (c.patient.lastName = '   '), 'patient.lastName', /Enter the patient's last name/],
    ['missing coverage', (c) => ({ ...c, coverage: undefined }), 'coverage', /coverage/],
    ['network typo', (c) => void (c.coverage.network = 'inn'), 'coverage.network', /in or out/],
  ])('%s', (_label, mutate, path, message) => {
    const issues = issuesFor(mutate);
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it('refuses non-objects with a whole-input issue', () => {
    for (const raw of [null, 42, 'case', []]) {
      const result = parseCase(raw, TODAY);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]?.path).toBe('(input)');
    }
  });

  it('reports every problem at once, date checks included', () => {
    const paths = pathsFor((c) => {
      c.coverage.coinsurancePercent = -5;
      c.patient.dateOfBirth = '2030-01-01';
    });
    expect(paths).toEqual(expect.arrayContaining(['coverage.coinsurancePercent', 'patient.dateOfBirth']));
  });

  it('never repeats what was typed (it may be patient data)', () => {
    const issues = issuesFor((c) => ({ ...c, patient: { firstName: 42, lastName: ['Secretname'], dateOfBirth: '2999-12-31' }, coverage: { ...c.coverage, memberId: 9876543 } }));
    expect(issues.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(issues);
    for (const secret of ['Secretname', '2999', '9876543', '42']) expect(text).not.toContain(secret);
  });
});

describe('caseInputSchema and dates', () => {
  it('is a zod schema that can be shared by the form and IPC', () => {
    expect(caseInputSchema.safeParse(valid()).success).toBe(true);
  });

  it('knows real calendar dates, leap years included', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });
});

describe('parseCase: Medicare coverage', () => {
  const medicare = (coverage: Record<string, unknown>) => ({ ...valid(), coverage: { kind: 'medicare', ...coverage } });

  it('reads a supplement, per-provider approved amounts and Medicare Advantage copays in cents', () => {
    const result = parseCase(medicare({ memberId: '1EG4', deductibleMet: 100, supplement: { kind: 'medigap', plan: 'G-high', deductibleMet: 1200.5 }, allowedAmounts: { physician: 400 } }), TODAY);
    expect(result.ok && result.value.coverage).toMatchObject({
      deductibleMetCents: 10_000,
      supplement: { kind: 'medigap', plan: 'G-high', deductibleMetCents: 120_050 },
      allowedAmounts: { physician: 40_000 },
    });
    const ma = parseCase({ ...valid(), coverage: { kind: 'medicare-advantage', copays: { facility: 300, physician: 45.5 } } }, TODAY);
    expect(ma.ok && ma.value.coverage.copays).toEqual({ facility: 30_000, physician: 4_550 });
    for (const supplement of [{ kind: 'medicaid', qmb: true }, { kind: 'other', paysPercent: 80 }]) {
      expect(parseCase(medicare({ supplement }), TODAY).ok).toBe(true);
    }
  });

  it("refuses Original Medicare plan figures that the law sets, naming each field and saying what to do", () => {
    const issues = (() => {
      const r = parseCase(medicare({ deductible: 500, coinsurancePercent: 10, copay: 20, outOfPocketMax: 3000, allowedAmount: 100 }), TODAY);
      return r.ok ? [] : r.issues;
    })();
    expect(issues.map((i) => i.path)).toEqual(['coverage.deductible', 'coverage.coinsurancePercent', 'coverage.copay', 'coverage.outOfPocketMax', 'coverage.allowedAmount']);
    expect(issues[0]?.message).toMatch(/set by Medicare each year/);
    expect(issues[4]?.message).toMatch(/allowedAmounts: physician, facility, anesthesia/);
  });

  it('refuses a single Medicare Advantage copay, and supplements or per-provider figures on other plans', () => {
    const one = parseCase({ ...valid(), coverage: { kind: 'medicare-advantage', copay: 300 } }, TODAY);
    expect(!one.ok && one.issues[0]).toEqual({ path: 'coverage.copay', message: expect.stringMatching(/facility copay, the doctor copay and the anesthesia copay/) });
    const paths = pathsFor((c) => ({ ...c, coverage: { ...c.coverage, supplement: { kind: 'medicaid', qmb: true }, copays: { facility: 1 }, allowedAmounts: { physician: 1 } } }));
    // Commercial: one copay or copays per provider, not both; supplements and approved amounts per provider are Medicare's.
    expect(paths).toEqual(['coverage.copays', 'coverage.supplement', 'coverage.allowedAmounts']);
  });

  it('names a wrong supplement field', () => {
    expect(parseCase(medicare({ supplement: { kind: 'medigap', plan: 'Z' } }), TODAY)).toMatchObject({ ok: false, issues: [{ path: 'coverage.supplement.plan' }] });
    expect(parseCase(medicare({ supplement: { kind: 'medicaid' } }), TODAY)).toMatchObject({ ok: false, issues: [{ path: 'coverage.supplement.qmb' }] });
    expect(parseCase(medicare({ supplement: { kind: 'other', paysPercent: 140 } }), TODAY)).toMatchObject({ ok: false, issues: [{ path: 'coverage.supplement.paysPercent' }] });
    expect(parseCase(medicare({ allowedAmounts: { surgeon: 1 } }), TODAY)).toMatchObject({ ok: false, issues: [{ path: 'coverage.allowedAmounts' }] });
  });
});
