/**
 * A complete, invented packet the service renders once in the background at start-up, so
 * pdfmake, the fonts and every layout path are warm before staff ask for the first real
 * packet. No patient data: the person and the figures are made up and never shown.
 */
import type { Case, Estimate } from '../../core/estimate/types';
import type { PacketInput } from '../../core/packet/build-packet';
import type { PacketContent } from '../../core/packet/content-schema';
import { defaultSettings } from '../../core/settings';

const range = (low: number, high: number) => ({ low, high });
const none = { copayCents: 0, deductibleCents: 0, coinsuranceCents: 0, balanceBillCents: 0 };

export function warmUpInput(content: PacketContent): PacketInput {
  const caseData: Case = {
    patient: { firstName: 'Warm', lastName: 'Up', dateOfBirth: '1950-01-01' },
    procedure: { id: content.procedureId, levels: 2, site: 'hospital-outpatient', sedation: 'moderate' },
    coverage: { kind: 'commercial', network: 'in', memberId: 'WARMUP0000' },
    language: content.language,
    largePrint: false,
  };
  const estimate: Estimate = {
    procedureId: content.procedureId,
    codes: ['22511', '22512'],
    lines: [
      { code: '22511', description: 'Vertebroplasty', provider: 'physician', quantity: 1, lowCents: 190_000, highCents: 280_000 },
      { code: '22512', description: 'Each added level', provider: 'physician', quantity: 1, lowCents: 70_000, highCents: 110_000 },
      { code: '20225', description: 'Biopsy', provider: 'physician', quantity: 1, lowCents: 0, highCents: 0, included: true },
      { code: '22511', description: 'Facility', provider: 'facility', quantity: 1, lowCents: 400_000, highCents: 600_000 },
    ],
    separatelyScheduled: [{ code: '72148', description: 'MRI', provider: 'imaging', lowCents: 100_000, highCents: 300_000 }],
    charges: range(660_000, 990_000),
    allowed: range(660_000, 990_000),
    patient: range(200_000, 300_000),
    insurance: range(460_000, 690_000),
    patientBreakdown: { low: { ...none, deductibleCents: 100_000, coinsuranceCents: 100_000 }, high: { ...none, deductibleCents: 100_000, coinsuranceCents: 200_000 } },
    costSharing: {
      network: 'in',
      deductibleCents: 200_000,
      deductibleMetCents: 100_000,
      coinsurancePercent: 20,
      copayCents: 0,
      outOfPocketMaxCents: 685_000,
      outOfPocketMetCents: 0,
      allowedFromStaff: false,
    },
    goodFaithEstimate: false,
    selfPayDiscountPercent: 0,
    referenceRange: range(500_000, 1_500_000),
    withinReferenceRange: true,
    outOfPocketCapReached: false,
    warnings: [],
  };
  return { caseData, estimate, content, clinic: defaultSettings.clinic, preparedDate: '2000-01-01', reference: 'VP-WARMUP', largePrint: false };
}
