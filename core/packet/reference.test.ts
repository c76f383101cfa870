import { describe, expect, it } from 'vitest';
import type { Case, Estimate } from '../estimate/types';
import { canonicalJson, packetFileName, packetReference } from './reference';

const caseData: Case = {
  patient: { firstName: 'José', lastName: "Peña O'Neil", dateOfBirth: '1945-11-02' },
  procedure: { id: 'vertebroplasty-lumbar', levels: 1, site: 'office', sedation: 'local' },
  coverage: { kind: 'self-pay', network: 'in' },
  language: 'es',
  largePrint: false,
  payments: { alreadyPaidCents: 0, planMonths: null },
};

const estimate = { codes: ['22511'], charges: { low: 100, high: 200 } } as unknown as Estimate;
const procedure = { referencePrefix: 'VP', fileSlug: 'vertebroplasty' };

describe('packetReference', () => {
  it('is <prefix>-<date>-<5 characters> and the same for the same inputs', () => {
    const ref = packetReference(caseData, estimate, '2026-11-29', procedure);
    expect(ref).toMatch(/^VP-20261129-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(packetReference(structuredClone(caseData), structuredClone(estimate), '2026-11-29', procedure)).toBe(ref);
  });

  it('changes when the case, the estimate or the date changes', () => {
    const ref = packetReference(caseData, estimate, '2026-11-29', procedure);
    expect(packetReference({ ...caseData, largePrint: true }, estimate, '2026-11-29', procedure)).not.toBe(ref);
    expect(packetReference(caseData, { ...estimate, charges: { low: 100, high: 201 } }, '2026-11-29', procedure)).not.toBe(ref);
    expect(packetReference(caseData, estimate, '2026-11-30', procedure)).not.toBe(ref);
  });

  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 }));
  });
});

describe('packetFileName', () => {
  it('is <Last>-<First>-<slug>-<date>.pdf with only safe characters', () => {
    expect(packetFileName(caseData, '2026-11-29', procedure)).toBe('Pena-O-Neil-Jose-vertebroplasty-2026-11-29.pdf');
    const odd = { ...caseData, patient: { ...caseData.patient, firstName: '../..', lastName: 'A/B:C*?' } };
    expect(packetFileName(odd, '2026-11-29', procedure)).toBe('A-B-C-Packet-vertebroplasty-2026-11-29.pdf');
  });
});

describe('procedure data', () => {
  it('takes the prefix and the file slug from the procedure', () => {
    const other = { referencePrefix: 'KP', fileSlug: 'kyphoplasty' };
    expect(packetReference(caseData, estimate, '2026-11-29', other)).toMatch(/^KP-20261129-/);
    expect(packetFileName(caseData, '2026-11-29', other)).toBe('Pena-O-Neil-Jose-kyphoplasty-2026-11-29.pdf');
  });
});
