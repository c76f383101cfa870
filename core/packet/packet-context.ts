/**
 * What every part of the packet reads: the inputs plus the sizes and a few derived texts,
 * computed once in build-packet.ts.
 */
import type { Case, Estimate, Language } from '../estimate/types';
import type { ClinicProfile, Doctor, OtherProviders } from '../settings';
import type { PacketContent, PacketLabels } from './content-schema';
import { formatCents } from '../money';
import { formatLongDate } from './dates';
import type { PacketSizes } from './styles';

export interface PacketInput {
  caseData: Case;
  estimate: Estimate;
  content: PacketContent;
  clinic: ClinicProfile;
  /** Who bills the facility fee and the anesthesia, when the clinic does not (default none). */
  otherProviders?: OtherProviders;
  /** The clinic's doctors (Settings -> Doctors): the chosen doctor's NPI comes from here. */
  doctors?: readonly Doctor[];
  /** The procedure's usual diagnosis codes, printed while the case's diagnosis is not known yet. */
  expectedDiagnoses: readonly string[];
  /** The issued estimate this one replaces (its reference and ISO issue time): said on page 1 and the estimate. */
  revision?: { reference: string; issuedAt: string };
  /** YYYY-MM-DD */
  preparedDate: string;
  reference: string;
  largePrint: boolean;
}

export interface PacketContext extends Omit<PacketInput, 'otherProviders' | 'doctors'> {
  otherProviders: OtherProviders;
  doctors: readonly Doctor[];
  labels: PacketLabels;
  language: Language;
  sizes: PacketSizes;
  /** Width of the text area in points. */
  contentWidth: number;
  /** Height of the text area in points. */
  contentHeight: number;
  patientName: string;
  dateOfBirth: string;
}

/** Codes billed only with a primary code (the procedure's data says which). */
export function isAddOnCode(code: string, estimate: Pick<Estimate, 'addOnCodes'>): boolean {
  return estimate.addOnCodes.includes(code);
}

/** Add-on codes print with a leading "+" (CPT convention). */
export function displayCode(code: string, estimate: Pick<Estimate, 'addOnCodes'>): string {
  return isAddOnCode(code, estimate) ? `+${code}` : code;
}

export function patientFullName(caseData: Case): string {
  return `${caseData.patient.firstName} ${caseData.patient.lastName}`.trim();
}

export function longDate(ctx: Pick<PacketContext, 'language'>, iso: string): string {
  return formatLongDate(iso, ctx.language);
}

/** "$1,200.00 – $1,800.00", or one amount when low and high agree. */
export function formatRange(range: { low: number; high: number }): string {
  return range.low === range.high ? formatCents(range.low) : `${formatCents(range.low)} – ${formatCents(range.high)}`;
}
