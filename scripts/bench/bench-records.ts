/**
 * Invented records for the record benchmarks (records-bench.ts on SQLite, shared-bench.ts on
 * PostgreSQL): record `i` is a made-up patient with a reference unique to `i`, one of ten first
 * and ten last names (the last name carries `i`, so "Okafor100" is one patient), a date of birth
 * from 1940 to 1979 and a day issued in November 2026. Invented patients only.
 */
import type { NewRecord } from '../../electron/services/records/record-store';

export const benchFirstNames = ['Ana', 'Walter', 'Margaret', 'José', 'Eleanor', 'Rosa', 'Philippa', 'Omar', 'Mei', 'Kofi'] as const;
export const benchLastNames = ['Okafor', 'Brennan', 'Peña', 'Whitfield', 'Villanueva', 'Quennell', 'Haddad', 'Lin', 'Mensah', 'Novak'] as const;

/** Record `i` (0 <= i < 36^5) with `pdf` as its packet. */
export function benchRecord(i: number, pdf: Uint8Array): NewRecord {
  const name = `${benchFirstNames[i % 10]} ${benchLastNames[Math.floor(i / 10) % 10]}${i}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    reference: `VP-202611${day}-${i.toString(36).toUpperCase().padStart(5, '0')}`,
    kind: i % 3 === 0 ? 'good-faith-estimate' : 'estimate',
    issuedAt: `2026-11-${day}T10:00:00.000Z`,
    preparedBy: 'JD',
    osUser: 'frontdesk1',
    revises: null,
    versions: { template: 'vertebroplasty-lumbar/en', content: 'bench', feeSchedule: 'bench' },
    patientName: name,
    dateOfBirth: `19${40 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    patientCents: { low: 100_000 + i, high: 200_000 + i },
    providers: [{ role: 'physician', name: 'Riverside Spine Clinic', estimatedCents: 280_000 }],
    caseInput: { patient: { firstName: name, lastName: '', dateOfBirth: '1950-01-01' } },
    estimate: { patient: { low: 100_000, high: 200_000 } },
    fileName: `${name}.pdf`,
    pdf,
  };
}
