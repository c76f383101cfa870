/**
 * Can this packet be issued with the clinic profile as it is? A Good Faith Estimate must
 * name the provider with its NPI, TIN and location (45 CFR 149.610(c)), so it is refused
 * until Settings -> Clinic profile holds them. Insured packets need nothing more.
 */
import type { Estimate } from '../estimate/types';
import type { FieldIssue } from '../result';
import { isValidNpi, isValidTin, type ClinicProfile } from '../settings';

const WHERE = 'Fill it in under Settings → Clinic profile.';

export function checkPacketReady(estimate: Estimate, clinic: ClinicProfile): FieldIssue[] {
  if (!estimate.goodFaithEstimate) return [];
  const issues: FieldIssue[] = [];
  const npi = clinic.npi.trim();
  const tin = clinic.tin.trim();
  if (npi === '') {
    issues.push({ path: 'clinic.npi', message: `A Good Faith Estimate must show the clinic's NPI (10 digits). ${WHERE}` });
  } else if (!isValidNpi(npi)) {
    issues.push({ path: 'clinic.npi', message: `The clinic's NPI is not a valid 10-digit NPI. ${WHERE}` });
  }
  if (tin === '') {
    issues.push({ path: 'clinic.tin', message: `A Good Faith Estimate must show the clinic's tax ID (TIN), for example 12-3456789. ${WHERE}` });
  } else if (!isValidTin(tin)) {
    issues.push({ path: 'clinic.tin', message: `The clinic's tax ID (TIN) must be 9 digits, for example 12-3456789. ${WHERE}` });
  }
  if (clinic.name.trim() === '') {
    issues.push({ path: 'clinic.name', message: `A Good Faith Estimate must name the provider. ${WHERE}` });
  }
  if (clinic.address.trim() === '') {
    issues.push({ path: 'clinic.address', message: `A Good Faith Estimate must give the location of service (street, city, state). ${WHERE}` });
  }
  return issues;
}

/** "•••••6789": only the last 4 characters of a member ID are ever printed. */
export function maskMemberId(memberId: string): string {
  const compact = memberId.replace(/\s+/g, '');
  if (compact === '') return '';
  const visible = compact.length > 4 ? compact.slice(-4) : '';
  const hidden = Math.max(compact.length - visible.length, 4);
  return `${'•'.repeat(hidden)}${visible}`;
}
