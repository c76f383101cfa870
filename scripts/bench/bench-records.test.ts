import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../electron/services/records/record-fields';
import { benchRecord } from './bench-records';

describe('the benchmarks’ invented records', () => {
  const pdf = Buffer.from('%PDF-1.7 bench');
  // The first records, the seams of the name and date cycles, and the last of the 200,000 the shared bench writes.
  const sample = [...Array.from({ length: 2_000 }, (_, i) => i), 35_999, 36_000, 199_998, 199_999];

  it('gives every record its own reference and its own name', () => {
    const records = sample.map((i) => benchRecord(i, pdf));
    expect(new Set(records.map((r) => r.reference)).size).toBe(sample.length);
    expect(new Set(records.map((r) => r.patientName)).size).toBe(sample.length);
  });

  it('makes records of the shape the stores take: a reference, ISO dates, whole-cent amounts', () => {
    for (const i of sample) {
      const r = benchRecord(i, pdf);
      expect(r.reference).toMatch(/^VP-202611(0[1-9]|1\d|2[0-8])-[0-9A-Z]{5}$/);
      expect(asIsoDate(r.dateOfBirth)).toBe(r.dateOfBirth);
      expect(new Date(r.issuedAt).toISOString()).toBe(r.issuedAt);
      expect(r.issuedAt.slice(0, 10).replace(/-/g, '')).toBe(r.reference.slice(3, 11));
      expect(Number.isInteger(r.patientCents.low) && r.patientCents.low <= r.patientCents.high).toBe(true);
      expect(r.patientName).toMatch(new RegExp(`^\\p{L}+ \\p{L}+${i}$`, 'u'));
      expect(r.pdf).toBe(pdf);
    }
  });

  it('is the same record for the same number (a run can be repeated)', () => {
    expect(benchRecord(1234, pdf)).toEqual(benchRecord(1234, pdf));
  });
});
