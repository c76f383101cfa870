import { describe, expect, it } from 'vitest';
import { computeShare as computeShareWithTerms, percentOf, type ShareTerms } from './cost-sharing';

type ShareInput = ShareTerms & { allowedCents: number; chargesCents: number };
const computeShare = ({ allowedCents, chargesCents, ...terms }: ShareInput) => computeShareWithTerms(terms, allowedCents, chargesCents);

const input = (over: Partial<ShareInput>): ShareInput => ({
  allowedCents: 0,
  chargesCents: 0,
  network: 'in',
  deductibleRemainingCents: 0,
  coinsurancePercent: 0,
  copayCents: 0,
  outOfPocketRemainingCents: null,
  ...over,
});

describe('computeShare: HealthCare.gov worked examples (DOMAIN.md section 2)', () => {
  it('allowed $12,000, $3,000 deductible not met, 20%, OOP max $6,850: patient pays $4,800', () => {
    const share = computeShare(
      input({ allowedCents: 1_200_000, chargesCents: 1_200_000, deductibleRemainingCents: 300_000, coinsurancePercent: 20, outOfPocketRemainingCents: 685_000 }),
    );
    expect(share.patientCents).toBe(480_000);
    expect(share.breakdown).toEqual({ copayCents: 0, deductibleCents: 300_000, coinsuranceCents: 180_000, balanceBillCents: 0, secondaryCents: 0 });
    expect(share.insuranceCents).toBe(720_000);
  });

  it('allowed $100, deductible met, 20%: patient pays $20', () => {
    const share = computeShare(input({ allowedCents: 10_000, chargesCents: 10_000, coinsurancePercent: 20 }));
    expect(share.patientCents).toBe(2_000);
    expect(share.insuranceCents).toBe(8_000);
  });
});

describe('computeShare: order of operations', () => {
  it('takes the copay first, then the deductible, then coinsurance on the rest', () => {
    // $1,000 allowed, $100 copay, $500 deductible left, 10%: 100 + 500 + 10% x 400 = $640.
    const share = computeShare(
      input({ allowedCents: 100_000, copayCents: 10_000, deductibleRemainingCents: 50_000, coinsurancePercent: 10 }),
    );
    expect(share.breakdown).toMatchObject({ copayCents: 10_000, deductibleCents: 50_000, coinsuranceCents: 4_000 });
    expect(share.patientCents).toBe(64_000);
  });

  it('never takes more copay or deductible than the allowed amount', () => {
    const share = computeShare(input({ allowedCents: 5_000, copayCents: 3_000, deductibleRemainingCents: 10_000, coinsurancePercent: 50 }));
    expect(share.breakdown).toMatchObject({ copayCents: 3_000, deductibleCents: 2_000, coinsuranceCents: 0 });
    expect(share.insuranceCents).toBe(0);
  });

  it('caps at the remaining out-of-pocket maximum, cutting what would be paid last first', () => {
    // 100 copay + 500 deductible + 20% x 9,400 = 2,480, capped at 550: copay 100, deductible 450.
    const share = computeShare(
      input({ allowedCents: 1_000_000, copayCents: 10_000, deductibleRemainingCents: 50_000, coinsurancePercent: 20, outOfPocketRemainingCents: 55_000 }),
    );
    expect(share.breakdown).toMatchObject({ copayCents: 10_000, deductibleCents: 45_000, coinsuranceCents: 0 });
    expect(share.patientCents).toBe(55_000);
  });

  it('has no cap when the plan has no out-of-pocket maximum (Original Medicare)', () => {
    const share = computeShare(input({ allowedCents: 10_000_000, deductibleRemainingCents: 28_300, coinsurancePercent: 20 }));
    expect(share.patientCents).toBe(28_300 + 1_994_340);
  });

  it('out of network adds the balance bill, which the out-of-pocket cap does not limit', () => {
    const share = computeShare(
      input({ allowedCents: 500_000, chargesCents: 900_000, network: 'out', coinsurancePercent: 40, outOfPocketRemainingCents: 100_000 }),
    );
    expect(share.breakdown.balanceBillCents).toBe(400_000);
    expect(share.breakdown.coinsuranceCents).toBe(100_000);
    expect(share.patientCents).toBe(500_000);
    expect(share.insuranceCents).toBe(400_000);
  });

  it('in network there is no balance bill even when charges exceed allowed', () => {
    expect(computeShare(input({ allowedCents: 100, chargesCents: 900 })).breakdown.balanceBillCents).toBe(0);
  });
});

describe('percentOf', () => {
  it('rounds half a cent up, once', () => {
    expect(percentOf(5, 10)).toBe(1); // 0.5 cents
    expect(percentOf(4, 10)).toBe(0);
    expect(percentOf(333, 33.33)).toBe(111); // 110.99 cents
    expect(percentOf(1_000_000_000, 100)).toBe(1_000_000_000);
  });
});
