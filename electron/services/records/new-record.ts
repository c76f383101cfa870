/**
 * What is kept of an issued packet: built from the case request, the estimate, the PDF and
 * the settings it was made with. Each provider is named as the estimate named it (the Good
 * Faith Estimate's own providers), with the figure its real bill is later compared against.
 */
import type { Case, Estimate } from '../../../core/estimate/types';
import { otherProviderFor } from '../../../core/packet/ready';
import type { ClinicProfile, OtherProviders } from '../../../core/settings';
import type { BillingRole } from '../../../core/case/enums';
import { billingRoles } from '../../../core/case/enums';
import type { NewRecord } from './record-store';

const roleNames: Record<BillingRole, string> = { physician: 'Doctor', facility: 'Facility', anesthesia: 'Anesthesia' };

export function providerViews(caseData: Case, estimate: Estimate, clinic: ClinicProfile, otherProviders: OtherProviders): NewRecord['providers'] {
  return estimate.providers.flatMap((p) => {
    const role = billingRoles.find((r) => r === p.role);
    if (role === undefined) return [];
    const entry = otherProviderFor(role, caseData.procedure.site);
    const named = entry === null ? clinic.name.trim() : otherProviders[entry.key].name.trim();
    const name = estimate.goodFaithEstimate ? named || `${roleNames[role]} (not named yet)` : named || roleNames[role];
    return [{ role, name, estimatedCents: estimate.goodFaithEstimate ? p.patient.high : p.charges.high }];
  });
}

export interface IssuedPacket {
  caseInput: unknown;
  caseData: Case;
  estimate: Estimate;
  pdf: Uint8Array;
  fileName: string;
  reference: string;
  versions: Record<string, string>;
}

export function newRecord(
  issued: IssuedPacket,
  context: { clinic: ClinicProfile; otherProviders: OtherProviders; osUser: string; issuedAt: string; revises: string | null },
): NewRecord {
  const { caseData, estimate } = issued;
  const patient = estimate.goodFaithEstimate ? { low: estimate.patient.high, high: estimate.patient.high } : estimate.patient;
  return {
    reference: issued.reference,
    kind: estimate.goodFaithEstimate ? 'good-faith-estimate' : 'estimate',
    issuedAt: context.issuedAt,
    preparedBy: caseData.preparedBy ?? '',
    osUser: context.osUser,
    revises: context.revises,
    versions: issued.versions,
    patientName: `${caseData.patient.firstName} ${caseData.patient.lastName}`.trim(),
    dateOfBirth: caseData.patient.dateOfBirth,
    patientCents: patient,
    providers: providerViews(caseData, estimate, context.clinic, context.otherProviders),
    caseInput: issued.caseInput,
    estimate,
    fileName: issued.fileName,
    pdf: issued.pdf,
  };
}
