import { describe, expect, it } from 'vitest';
import { blankContract, contractTextsFrom, parseCodeAmounts, toContracts } from './payer-contracts';

describe('payer contracts in Settings', () => {
  it('reads a percentage of Medicare and amounts per code, and writes them back as typed', () => {
    const { contracts, errors } = toContracts([
      { ...blankContract, payer: 'Blue Prairie PPO', aliases: 'BPH, Blue Prairie Health', physicianPercent: '135%', facilityPercent: '200' },
      { ...blankContract, payer: 'Acme Health', physicianKind: 'amounts', physicianAmounts: '22511: 2,100.00; 22512=900' },
    ]);
    expect(errors).toEqual({});
    expect(contracts).toEqual([
      { payer: 'Blue Prairie PPO', aliases: ['BPH', 'Blue Prairie Health'], physician: { percentOfMedicare: 135 }, facility: { percentOfMedicare: 200 } },
      { payer: 'Acme Health', aliases: [], physician: { amountsCents: { '22511': 210_000, '22512': 90_000 } } },
    ]);
    expect(contractTextsFrom(contracts)[1]?.physicianAmounts).toBe('22511: 2,100.00; 22512: 900.00');
    expect(toContracts(contractTextsFrom(contracts)).contracts).toEqual(contracts);
  });

  it('names each field it cannot read, and a name two contracts share', () => {
    const { errors } = toContracts([
      { ...blankContract, payer: '', physicianPercent: '0' },
      { ...blankContract, payer: 'Acme', physicianKind: 'amounts', physicianAmounts: '22511 lots', anesthesiaPercent: 'x' },
      { ...blankContract, payer: 'ACME', physicianPercent: '120' },
    ]);
    expect(Object.keys(errors).sort()).toEqual(['0.payer', '0.physicianPercent', '1.anesthesiaPercent', '1.physicianAmounts', '2.payer']);
    expect(parseCodeAmounts('')).toBeNull();
  });
});
