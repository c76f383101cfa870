/**
 * Medicare packets read back with poppler (issue 9): Original Medicare alone, with Medigap G,
 * as a QMB, and Medicare Advantage. No network line for Original Medicare; "Medicare-approved
 * amount"; each provider's part; the supplement's part; QMB's reason; typical values marked.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedProcedureId } from '../../core/testing/shipped-procedure';
import { createCaseEstimator } from '../ipc/case-estimator';
import { createEstimateService } from './estimate-service';
import { createPacketService } from './packet-service';
import * as fx from './testing/packet-fixtures';
import { folded, pdfText, qpdfCheck } from './testing/pdf-tools';

const dir = mkdtempSync(join(tmpdir(), 'packet-medicare-'));
const catalog = fx.shippedCatalog();
const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog });
/** The clinic's Medicare amounts for the hospital (the app has no national figure for it). */
const estimator = createCaseEstimator({
  estimates: createEstimateService(catalog),
  settings: () => ({
    feeOverrides: {},
    medicareRates: { [shippedProcedureId]: { '2026': { 'hospitalOutpatient.22511.payment': 700_000, 'hospitalOutpatient.22511.minimumCopay': 140_000 } } },
    payerContracts: [],
    defaults: { selfPayDiscountPercent: 0, depositPercent: 0 },
  }),
  today: () => fx.PREPARED_DATE,
});

const patient = { firstName: 'Dora', lastName: 'Klein', dateOfBirth: '1941-09-09' };
const hospital = { id: shippedProcedureId, levels: 1, site: 'hospital-outpatient', sedation: 'local' };
const cases = {
  medicare: { patient, procedure: hospital, coverage: { kind: 'medicare', memberId: '1EG4TE5MK73', network: 'in' } },
  medigapG: { patient, procedure: hospital, coverage: { kind: 'medicare', supplement: { kind: 'medigap', plan: 'G' } } },
  qmb: { patient, procedure: { ...hospital, site: 'office' }, coverage: { kind: 'medicare', supplement: { kind: 'medicaid', qmb: true } } },
  advantage: {
    patient,
    procedure: { ...hospital, sedation: 'anesthesia' },
    coverage: { kind: 'medicare-advantage', payerName: 'Sunrise MA', network: 'in', copays: { facility: 300, physician: 50 }, outOfPocketMax: 5000 },
  },
} as const;

const text: Record<keyof typeof cases, string> = {} as never;

beforeAll(async () => {
  for (const [name, raw] of Object.entries(cases) as [keyof typeof cases, unknown][]) {
    const checked = estimator(raw);
    if (!checked.ok) throw new Error(`${name}: ${checked.error.issues.map((i) => i.path).join(', ')}`);
    const result = await service.build({ caseData: checked.value.case, estimate: checked.value.estimate, clinic: fx.clinic, preparedDate: fx.PREPARED_DATE });
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, result.value.pdf);
    expect((await qpdfCheck(file)).code).toBe(0);
    text[name] = folded(await pdfText(file));
  }
}, 120_000);

describe('Medicare packets', () => {
  it('Original Medicare: no network line, the Medicare-approved amount, and each provider part', () => {
    const t = text.medicare;
    expect(t).not.toMatch(/Network|In network/);
    expect(t).toContain('Medicare-approved amount $7,361.40');
    expect(t).toContain('What each provider may bill');
    // Physician $361.40: $283 + $15.68 = $298.68; hospital $7,000: $1,400.
    expect(t).toMatch(/Physician \$361\.40 \$62\.72 \$298\.68/);
    expect(t).toMatch(/Facility \$7,000\.00 \$5,600\.00 \$1,400\.00/);
    expect(t).toMatch(/You may owe \$1,698\.68 \$1,698\.68/);
    expect(t).toContain('Original Medicare has no out-of-pocket maximum');
    expect(t).toContain('Medicare may pay');
  });

  it("Medigap G: names the plan, and shows its part provider by provider", () => {
    const t = text.medigapG;
    expect(t).toContain('Other coverage Medigap Plan G');
    expect(t).toMatch(/Paid by your other coverage − \$1,415\.68/);
    expect(t).toMatch(/You may owe \$283\.00 \$283\.00/);
    expect(t).toMatch(/Physician \$361\.40 \$62\.72 \$15\.68 \$283\.00/);
    expect(t).toMatch(/Facility \$7,000\.00 \$5,600\.00 \$1,400\.00 \$0\.00/);
    expect(t).not.toMatch(/In network/);
  });

  it('QMB: the patient owes nothing, and the packet says why', () => {
    const t = text.qmb;
    expect(t).toMatch(/You may owe \$0\.00 \$0\.00/);
    expect(t).toContain('You are a Qualified Medicare Beneficiary (QMB). By law, you do not owe Medicare deductibles or coinsurance.');
    expect(t).toContain('Medicaid (Qualified Medicare Beneficiary)');
  });

  it('Medicare Advantage: the network, copays per provider, typical values marked as not the plan', () => {
    const t = text.advantage;
    expect(t).toContain('Network In network');
    expect(t).toContain('Copay (Physician) $50.00');
    expect(t).toContain('Copay (Facility) $300.00');
    expect(t).toContain("Deductible left to meet $0.00 (a typical value, not your plan's)");
    expect(t).toMatch(/Anesthesia \$184\.48 \$147\.58 \$36\.90/);
    expect(t).toContain("Your plan pays Medicare's approved amounts.");
  });
});
