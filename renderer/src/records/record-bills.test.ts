import { describe, expect, it } from 'vitest';
import type { RecordProviderView } from '../../../core/ipc/contract';
import { readBills } from './record-bills';

const clinic: RecordProviderView = { role: 'physician', name: 'Riverside Spine Clinic', estimatedCents: 500_000, billedCents: null, differenceCents: null, disputeRisk: false };
const row = { id: 'a'.repeat(32), providers: [clinic] };

describe('what each provider billed, as typed', () => {
  it('reads dollars with thousands commas', () => {
    expect(readBills(row, { physician: '4,250.00' })).toEqual({ ok: true, request: { id: 'a'.repeat(32), bills: [{ role: 'physician', billedCents: 425_000 }] } });
  });

  it('says where commas go when a bill has one for cents ("1,50" is not $150)', () => {
    expect(readBills(row, { physician: '1,50' })).toEqual({ ok: false, errors: { physician: 'Use a period for cents (1.50) and commas only between thousands (1,500).' } });
  });
});
