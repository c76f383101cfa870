/**
 * Commercial plans provider by provider (the doctor, then the facility, then anesthesia): each
 * provider's allowed amount from the clinic's payer contract where the payer matches (a
 * percentage of the clinic's Medicare amounts, line by line, or amounts per code), else what
 * staff entered (divided by charges), else the charges; the plan's copay per provider (or one
 * copay for the bill, taken once in order), its deductible once in order, coinsurance, and its
 * out-of-pocket maximum over the sum. A provider out of network may balance bill, unless the
 * No Surprises Act protects the patient (an out-of-network anesthesia provider at an in-network
 * hospital or surgery center: in-network cost sharing, no balance bill).
 */
import { computeShare } from './cost-sharing';
import { costSharingUsed, type ResolvedCoverage } from './coverage-presets';
import { medicareLineAmount } from './medicare-rates';
import type { MedicareRateFile } from './medicare-schema';
import { basisFor, type ContractBasis, type PayerContract } from './payer-contracts';
import type { FeeSchedule } from './procedure-schema';
import { allocate, emptyBreakdown, patientOf, sumBreakdowns, sumRanges, type ProviderLines } from './providers';
import { range, warn, type Shares } from './shares';
import type { AllowedSource, Case, CentsRange, EstimateLine, EstimateWarning, Network, ProviderShare } from './types';

/** True when the case has something per provider: a contract, copays per provider or a network per provider. */
export function needsPerProvider(c: Case, contract: PayerContract | null): boolean {
  return contract !== null || c.coverage.copays !== undefined || c.coverage.networkByProvider !== undefined;
}

interface ContractAmount {
  allowed: CentsRange;
  /** Lines the contract gives no amount for (their charges stand in). */
  missing: string[];
}

/** The contract's allowed amount for one provider's lines (low and high differ only where charges stand in). */
export function contractAllowed(
  basis: ContractBasis,
  lines: readonly EstimateLine[],
  medicare: MedicareRateFile,
  schedule: FeeSchedule,
  choice: Case['procedure'],
): ContractAmount {
  let low = 0;
  let high = 0;
  const missing: string[] = [];
  for (const line of lines) {
    if (line.included === true) continue;
    let cents: number | null;
    if ('percentOfMedicare' in basis) {
      const amount = medicareLineAmount(medicare, schedule, line, choice);
      // Packaged lines have no Medicare amount and no figure: 0, as Medicare pays them.
      cents = amount.missing ? null : Math.round((amount.cents * Math.round(basis.percentOfMedicare * 100)) / 10_000);
    } else {
      const each = basis.amountsCents[line.code];
      cents = each === undefined ? null : each * line.quantity;
    }
    if (cents === null) {
      missing.push(line.code);
      low += line.lowCents;
      high += line.highCents;
    } else {
      low += cents;
      high += cents;
    }
  }
  return { allowed: range(low, high), missing };
}

interface Basis {
  provider: ProviderLines;
  allowed: CentsRange;
  allowedSource: AllowedSource;
  network: Network;
  /** No Surprises Act: out of network, but billed as in network with no balance bill. */
  protectedByLaw: boolean;
}

const words = { physician: 'the doctor', facility: 'the facility', anesthesia: 'anesthesia', imaging: 'imaging' } as const;

export function commercialShares(
  c: Case,
  parts: { providers: readonly ProviderLines[]; schedule: FeeSchedule; medicare: MedicareRateFile },
  coverage: ResolvedCoverage,
  contract: PayerContract | null,
  warnings: EstimateWarning[],
): Shares {
  const { providers, schedule, medicare } = parts;
  const networkOf = (role: ProviderLines['role']): Network => (role === 'imaging' ? c.coverage.network : (c.coverage.networkByProvider?.[role] ?? c.coverage.network));
  const facilityIn = networkOf('facility') === 'in' && c.procedure.site !== 'office';
  const staffAllowed = c.coverage.allowedAmountCents;

  const bases: Basis[] = providers.map((p) => {
    const network = networkOf(p.role);
    const protectedByLaw = network === 'out' && p.role === 'anesthesia' && facilityIn;
    const basis = contract === null || p.role === 'imaging' ? undefined : basisFor(contract, p.role);
    if (basis !== undefined && (network === 'in' || protectedByLaw)) {
      const amount = contractAllowed(basis, p.lines, medicare, schedule, c.procedure);
      if (amount.missing.length > 0) {
        warnings.push(warn('contract-incomplete', `The payer contract gives no amount for ${words[p.role]}'s ${amount.missing.join(', ')}: the charges stand in for ${amount.missing.length === 1 ? 'it' : 'them'}.`));
      }
      const priced = p.lines.some((l) => l.included !== true && !amount.missing.includes(l.code));
      return { provider: p, allowed: amount.allowed, allowedSource: priced ? 'payer-contract' : 'charges', network, protectedByLaw };
    }
    // Out of network with nothing known, the plan may pay nothing: all of the charges may be billed.
    const allowed = network === 'out' && !protectedByLaw && staffAllowed === undefined ? range(0, 0) : p.charges;
    return { provider: p, allowed, allowedSource: 'charges', network, protectedByLaw };
  });
  // A total staff entered is divided among the providers without a contract, by their charges.
  if (staffAllowed !== undefined) {
    const open = bases.filter((b) => b.allowedSource !== 'payer-contract');
    for (const end of ['low', 'high'] as const) {
      const parts = allocate(staffAllowed, open.map((b) => b.provider.charges[end]));
      open.forEach((b, i) => {
        b.allowed = { ...b.allowed, [end]: parts[i] ?? 0 };
        b.allowedSource = 'entered';
      });
    }
  }
  // The contract prices some providers but not these: their charges stand in, and staff should know.
  const unpriced = contract === null || staffAllowed !== undefined ? [] : bases.filter((b) => b.allowedSource === 'charges' && (b.network === 'in' || b.protectedByLaw));
  if (unpriced.length > 0 && bases.some((b) => b.allowedSource === 'payer-contract')) {
    warnings.push(
      warn(
        'allowed-from-charges',
        `The payer contract gives no amounts for ${unpriced.map((b) => words[b.provider.role]).join(' and ')}: ${unpriced.length === 1 ? 'its' : 'their'} charges are used, and the plan's allowed amount is usually lower. Add them to the contract in Settings, or ask the payer.`,
      ),
    );
  }
  const unprotected = bases.filter((b) => b.network === 'out' && !b.protectedByLaw).map((b) => words[b.provider.role]);
  if (c.coverage.network === 'in' && unprotected.length > 0) {
    warnings.push(
      warn(
        'out-of-network',
        `Out of network: ${unprotected.join(' and ')}. The plan may pay less, and ${unprotected.length === 1 ? 'that provider' : 'those providers'} may bill the patient for charges above the allowed amount; that part does not count toward the out-of-pocket maximum.`,
      ),
    );
  }
  if (bases.some((b) => b.protectedByLaw)) {
    warnings.push(
      warn(
        'no-surprises-protected',
        'The anesthesia provider is out of network at an in-network facility: under the No Surprises Act the patient pays in-network cost sharing and cannot be balance billed for it.',
      ),
    );
  }

  const oopMax = coverage.outOfPocketMaxCents;
  let capReached = false;
  const run = (end: 'low' | 'high') => {
    let deductible = Math.max(0, coverage.deductibleCents - coverage.deductibleMetCents);
    let oop = oopMax === null ? null : Math.max(0, oopMax - coverage.outOfPocketMetCents);
    let onceCopay = coverage.copays.physician === undefined && coverage.copays.facility === undefined && coverage.copays.anesthesia === undefined ? coverage.copayCents : 0;
    return bases.map((b) => {
      const role = b.provider.role;
      const own = role === 'imaging' ? undefined : coverage.copays[role];
      const share = computeShare(
        {
          network: b.protectedByLaw ? 'in' : b.network,
          deductibleRemainingCents: deductible,
          coinsurancePercent: own === undefined ? coverage.coinsurancePercent : 0,
          copayCents: own ?? onceCopay,
          outOfPocketRemainingCents: oop,
        },
        b.allowed[end],
        b.provider.charges[end],
      );
      deductible -= share.breakdown.deductibleCents;
      if (own === undefined) onceCopay -= share.breakdown.copayCents;
      if (oop !== null) oop -= share.patientCents - share.breakdown.balanceBillCents;
      if (share.capReached) capReached = true;
      return share;
    });
  };
  const low = run('low');
  const high = run('high');
  const perProvider: ProviderShare[] = bases.map((b, i) => {
    const l = low[i]?.breakdown ?? emptyBreakdown();
    const h = high[i]?.breakdown ?? emptyBreakdown();
    return {
      role: b.provider.role,
      charges: b.provider.charges,
      allowed: b.allowed,
      allowedSource: b.allowedSource,
      insurance: range(low[i]?.insuranceCents ?? 0, high[i]?.insuranceCents ?? 0),
      secondary: range(0, 0),
      patient: range(patientOf(l), patientOf(h)),
      breakdown: { low: l, high: h },
    };
  });
  const sources = new Set(bases.map((b) => b.allowedSource));
  const allowedSource: AllowedSource = sources.has('payer-contract') ? 'payer-contract' : sources.has('entered') ? 'entered' : 'charges';
  return {
    contract: sources.has('payer-contract') ? (contract?.payer ?? null) : null,
    allowed: sumRanges(perProvider.map((p) => p.allowed)),
    allowedSource,
    rateYear: contract !== null ? medicare.rateYear : null,
    providers: perProvider,
    patient: sumRanges(perProvider.map((p) => p.patient)),
    insurance: sumRanges(perProvider.map((p) => p.insurance)),
    secondary: range(0, 0),
    medicare: null,
    patientBreakdown: { low: sumBreakdowns(perProvider.map((p) => p.breakdown.low)), high: sumBreakdowns(perProvider.map((p) => p.breakdown.high)) },
    costSharing: costSharingUsed(coverage, c.coverage.network, staffAllowed !== undefined, coverage.copays),
    selfPayDiscountPercent: 0,
    selfPayDiscountCents: undefined,
    outOfPocketCapReached: capReached,
  };
}
