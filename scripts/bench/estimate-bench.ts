/** Estimates per second: the pure engine, and validation + engine as the IPC handler runs it. */
import { fileURLToPath } from 'node:url';
import { validateCase } from '../../core/case/validate-case';
import { computeEstimate } from '../../core/estimate/estimate';
import { createCaseEstimator } from '../../electron/ipc/case-estimator';
import { loadProcedureCatalog } from '../../electron/services/procedure-catalog';
import type { Case, CoverageKind, PlaceOfService, Sedation } from '../../core/estimate/types';
import { createEstimateService } from '../../electron/services/estimate-service';
import { defaultSettings } from '../../core/settings';
import { measure, type BenchSection } from './bench-types';

const TODAY = '2026-05-15';
const KINDS: CoverageKind[] = ['commercial', 'medicare', 'medicare-advantage', 'medicaid', 'self-pay', 'uninsured'];
const SITES: PlaceOfService[] = ['hospital-outpatient', 'asc', 'office'];
const SEDATIONS: Sedation[] = ['local', 'moderate', 'anesthesia'];

const MEDIGAP = ['A', 'C', 'F-high', 'G', 'G-high', 'K', 'L', 'N'] as const;

/** Coverage of one kind, varied by `i`, with only the fields that kind takes. */
function coverageFor(kind: string, i: number): Record<string, unknown> {
  if (kind === 'medicare') {
    const supplement = i % 4 === 0 ? undefined : i % 4 === 1 ? { kind: 'medicaid', qmb: i % 8 === 1 } : { kind: 'medigap', plan: MEDIGAP[i % MEDIGAP.length], outOfPocketMet: (i % 5) * 100 };
    return { kind, deductibleMet: (i % 3) * 100, ...(supplement === undefined ? {} : { supplement }) };
  }
  if (kind === 'medicare-advantage') {
    return {
      kind,
      network: i % 7 === 0 ? 'out' : 'in',
      deductible: (i % 3) * 250,
      coinsurancePercent: 20,
      copays: i % 2 === 0 ? { facility: 300, physician: 50 } : {},
      outOfPocketMax: 5000 + (i % 4) * 1000,
      outOfPocketMet: (i % 6) * 400,
    };
  }
  return {
    kind,
    network: i % 7 === 0 ? 'out' : 'in',
    deductible: 1000 + (i % 4) * 500,
    deductibleMet: (i % 5) * 300,
    coinsurancePercent: 10 + (i % 3) * 10,
    copay: i % 2 === 0 ? 0 : 250,
    outOfPocketMax: i % 4 === 0 ? null : 6850,
    outOfPocketMet: (i % 6) * 400,
    ...(i % 3 === 0 ? {} : { allowedAmount: 4000 + i * 10 }),
  };
}

/** A varied set of raw case files (dollars), every kind, site, sedation and 1-5 levels. */
function rawCases(catalogId: string): unknown[] {
  const cases: unknown[] = [];
  for (let i = 0; i < 270; i += 1) {
    const kind = KINDS[i % KINDS.length] ?? 'commercial';
    cases.push({
      patient: { firstName: 'Bench', lastName: 'Case', dateOfBirth: '1950-01-01' },
      procedure: { id: catalogId, levels: 1 + (i % 5), site: SITES[i % 3], sedation: SEDATIONS[Math.floor(i / 3) % 3] },
      coverage: coverageFor(kind, i),
    });
  }
  return cases;
}

export const estimateBenchSection: BenchSection = {
  title: 'Estimate engine (one core)',
  run() {
    const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));
    const catalog = loadProcedureCatalog(templatesDir, TODAY);
    const service = createEstimateService(catalog);
    const estimateCase = createCaseEstimator({ estimates: service, settings: () => defaultSettings, today: () => TODAY });
    const raw = rawCases(catalog.primary.procedure.id);
    const parsed: Case[] = raw.map((r) => {
      const result = validateCase(r, { today: TODAY, catalog: catalog.definitions });
      if (!result.ok) throw new Error(`bench case invalid: ${JSON.stringify(result.issues)}`);
      return result.value.case;
    });
    const { procedure, schedule, medicare } = catalog.primary;
    const options = { selfPayDiscountPercent: defaultSettings.defaults.selfPayDiscountPercent, today: TODAY, medicare: { files: medicare, overrides: {} }, payerContracts: [], depositPercent: 0 };
    return [
      measure('computeEstimate (pure engine)', (i) => computeEstimate(parsed[i % parsed.length] as Case, procedure, schedule, options), {
        targetPerSecond: 100_000,
      }),
      measure('validateCase + estimate (as the IPC handler and the CLI run it)', (i) => estimateCase(raw[i % raw.length])),
    ];
  },
};
