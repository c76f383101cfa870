/**
 * Can this packet be issued with the settings as they are? A Good Faith Estimate names each
 * provider or facility that bills, with its NPI, TIN and location (45 CFR 149.610(c)): the
 * clinic always; the hospital or surgery center when the procedure is done there (its lines are
 * never printed under the clinic's name); the anesthesia group once staff start to enter it (not
 * entered at all, it is named as billed separately, with a request for its own estimate).
 * Insured packets need none of it. Every packet, insured or not, prints the clinic's name and
 * phone on its letterhead: without them none is issued.
 */
import type { Estimate, PlaceOfService, ProviderRole } from '../estimate/types';
import type { FieldIssue } from '../result';
import { emptyOtherProviders as noOtherProviders, isValidNpi, isValidTin } from '../provider-ids';
import type { ClinicProfile, OtherProvider, OtherProviders } from '../settings';

const CLINIC = 'Fill it in under Settings → Clinic profile.';

/** The Settings key and the staff-facing name of each provider the clinic does not bill for. */
export const otherProviderKeys = {
  'hospital-outpatient': { key: 'hospitalOutpatient', name: 'hospital outpatient department', legend: 'Hospital outpatient department' },
  asc: { key: 'asc', name: 'surgery center', legend: 'Surgery center (ASC)' },
  anesthesia: { key: 'anesthesia', name: 'anesthesia provider', legend: 'Anesthesia provider' },
} as const satisfies Record<string, { key: keyof OtherProviders; name: string; legend: string }>;

/** Which Settings entry bills a provider's lines for this place of service; null = the clinic. */
export function otherProviderFor(role: ProviderRole, site: PlaceOfService): (typeof otherProviderKeys)[keyof typeof otherProviderKeys] | null {
  if (role === 'anesthesia') return otherProviderKeys.anesthesia;
  if (role === 'facility' && site !== 'office') return otherProviderKeys[site];
  return null;
}

/**
 * What every packet's letterhead needs from the clinic profile: its name and phone. One issue
 * (at the first missing field) naming what is missing; none when both are there.
 */
export function letterheadIssues(clinic: Pick<ClinicProfile, 'name' | 'phone'>): FieldIssue[] {
  const missing = (['name', 'phone'] as const).filter((field) => clinic[field].trim() === '');
  const first = missing[0];
  if (first === undefined) return [];
  const words = missing.map((field) => (field === 'name' ? 'name' : 'phone number')).join(' and ');
  return [{ path: `clinic.${first}`, message: `Before you can print packets, add the clinic's ${words} in Settings → Clinic profile.` }];
}

const isBlank = (p: OtherProvider): boolean => [p.name, p.npi, p.tin, p.address].every((v) => v.trim() === '');

function clinicIssues(clinic: ClinicProfile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const npi = clinic.npi.trim();
  const tin = clinic.tin.trim();
  if (npi === '') {
    issues.push({ path: 'clinic.npi', message: `A Good Faith Estimate must show the clinic's NPI (10 digits). ${CLINIC}` });
  } else if (!isValidNpi(npi)) {
    issues.push({ path: 'clinic.npi', message: `The clinic's NPI is not a valid 10-digit NPI. ${CLINIC}` });
  }
  if (tin === '') {
    issues.push({ path: 'clinic.tin', message: `A Good Faith Estimate must show the clinic's tax ID (TIN), for example 12-3456789. ${CLINIC}` });
  } else if (!isValidTin(tin)) {
    issues.push({ path: 'clinic.tin', message: `The clinic's tax ID (TIN) must be 9 digits, for example 12-3456789. ${CLINIC}` });
  }
  if (clinic.address.trim() === '') {
    issues.push({ path: 'clinic.address', message: `A Good Faith Estimate must give the location of service (street, city, state). ${CLINIC}` });
  }
  return issues;
}

/** Name, NPI, TIN and address of a provider that bills its own lines. */
function providerIssues(entry: (typeof otherProviderKeys)[keyof typeof otherProviderKeys], provider: OtherProvider, why: string): FieldIssue[] {
  const where = `Fill it in under Settings → Other providers → ${entry.legend}.`;
  const path = (field: keyof OtherProvider) => `otherProviders.${entry.key}.${field}`;
  const missing: (keyof OtherProvider)[] = [];
  const issues: FieldIssue[] = [];
  if (provider.name.trim() === '') missing.push('name');
  if (provider.npi.trim() === '') missing.push('npi');
  else if (!isValidNpi(provider.npi.trim())) issues.push({ path: path('npi'), message: `The ${entry.name}'s NPI is not a valid 10-digit NPI. ${where}` });
  if (provider.tin.trim() === '') missing.push('tin');
  else if (!isValidTin(provider.tin.trim())) issues.push({ path: path('tin'), message: `The ${entry.name}'s tax ID (TIN) must be 9 digits, for example 12-3456789. ${where}` });
  if (provider.address.trim() === '') missing.push('address');
  const words = { name: 'name', npi: 'NPI', tin: 'tax ID (TIN)', address: 'address' } as const;
  const list = missing.map((f) => words[f]);
  const listed = list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}`;
  const first = missing[0];
  if (first !== undefined) issues.unshift({ path: path(first), message: `${why} Its ${listed} ${missing.length === 1 ? 'is' : 'are'} missing. ${where}` });
  return issues;
}

export function checkPacketReady(
  estimate: Pick<Estimate, 'goodFaithEstimate' | 'lines'>,
  clinic: ClinicProfile,
  site: PlaceOfService,
  otherProviders: OtherProviders = noOtherProviders,
): FieldIssue[] {
  const letterhead = letterheadIssues(clinic);
  if (!estimate.goodFaithEstimate) return letterhead;
  // The letterhead's issue also stands for the provider's name a Good Faith Estimate must give.
  const issues = [...letterhead, ...clinicIssues(clinic)];
  const bills = (role: ProviderRole) => estimate.lines.some((l) => l.provider === role);
  const facility = otherProviderFor('facility', site);
  if (facility !== null && bills('facility')) {
    const why = `This procedure is at a ${facility.name}, which bills its own facility fee: the Good Faith Estimate must name it, with its NPI, tax ID and address, and list its charges under its own name.`;
    issues.push(...providerIssues(facility, otherProviders[facility.key], why));
  }
  const anesthesia = otherProvidersAnesthesia(otherProviders);
  if (bills('anesthesia') && anesthesia !== null) {
    const why = 'The anesthesia provider is partly entered: a Good Faith Estimate names it with its NPI and tax ID, or leave all its fields empty to say it bills separately.';
    issues.push(...providerIssues(otherProviderKeys.anesthesia, anesthesia, why));
  }
  return issues;
}

/** The anesthesia group when staff entered any of it (not entered: billed separately, unnamed). */
function otherProvidersAnesthesia(providers: OtherProviders): OtherProvider | null {
  return isBlank(providers.anesthesia) ? null : providers.anesthesia;
}

/** "•••••6789": only the last 4 characters of a member ID are ever printed. */
export function maskMemberId(memberId: string): string {
  const compact = memberId.replace(/\s+/g, '');
  if (compact === '') return '';
  const visible = compact.length > 4 ? compact.slice(-4) : '';
  const hidden = Math.max(compact.length - visible.length, 4);
  return `${'•'.repeat(hidden)}${visible}`;
}
