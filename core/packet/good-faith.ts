/**
 * The Good Faith Estimate for uninsured and self-pay patients (No Surprises Act,
 * 45 CFR 149.610(c)): patient name and date of birth; the primary service in plain words
 * and its scheduled date; the provider's name, NPI, TIN and location of service; itemized
 * lines grouped by provider with expected diagnosis codes, service codes and charges; items
 * scheduled separately (not included); and every required disclaimer.
 */
import type { Content, TextNode } from './pdfmake-types';
import { bullets, heading, keepWithNext, labelValueTable, notice, paragraph } from './layout';
import { displayCode, longDate, type PacketContext } from './packet-context';
import { providerGroups, separatelyScheduledSection, totalTable } from './estimate-section';
import { fillLabel } from './content-schema';
import { colors } from './styles';
import type { ProviderRole } from '../estimate/types';
import type { OtherProvider } from '../settings';

/** The provider billing a group's lines, when it is not the clinic and staff named it. */
function billingProvider(ctx: PacketContext, provider: ProviderRole): OtherProvider | null {
  const site = ctx.caseData.procedure.site;
  const other =
    provider === 'anesthesia'
      ? ctx.otherProviders.anesthesia
      : provider === 'facility' && site !== 'office'
        ? ctx.otherProviders[site === 'asc' ? 'asc' : 'hospitalOutpatient']
        : null;
  return other !== null && other.name.trim() !== '' ? other : null;
}

function billedByLine(ctx: PacketContext, other: OtherProvider): TextNode {
  const g = ctx.labels.goodFaith;
  const parts = [other.name.trim()];
  if (other.npi.trim() !== '') parts.push(`${g.npi} ${other.npi.trim()}`);
  if (other.tin.trim() !== '') parts.push(`${g.tin} ${other.tin.trim()}`);
  if (other.address.trim() !== '') parts.push(other.address.trim());
  return { text: [{ text: `${g.billedBy}: `, bold: true }, parts.join(' · ')], style: 'tableCell' };
}

/** A case records no diagnosis: give the usual codes, to be confirmed by the doctor. */
function diagnosisLine(ctx: PacketContext): TextNode {
  return { text: [{ text: `${ctx.labels.estimate.diagnosisCodes}: `, bold: true }, ctx.labels.goodFaith.expectedDiagnosis], style: 'tableCell' };
}

function providerDetails(ctx: PacketContext): [string, string][] {
  const g = ctx.labels.goodFaith;
  return [
    [g.providerOrFacility, ctx.clinic.name.trim()],
    [g.npi, ctx.clinic.npi.trim()],
    [g.tin, ctx.clinic.tin.trim()],
    // Done at a hospital or surgery center staff named: that is where the service happens.
    [g.location, billingProvider(ctx, 'facility')?.address.trim() || ctx.clinic.address.trim()],
  ];
}

export function goodFaithSection(ctx: PacketContext): Content[] {
  const g = ctx.labels.goodFaith;
  const { caseData, estimate, labels, sizes } = ctx;
  const scheduled = caseData.procedure.scheduledDate;
  const who: [string, string][] = [
    [labels.document.patient, ctx.patientName],
    [labels.document.dateOfBirth, ctx.dateOfBirth],
    [g.primaryService, `${labels.cover.procedurePlain} (${estimate.codes.map((c) => displayCode(c, estimate)).join(', ')})`],
    [labels.cover.scheduledDate, scheduled ? longDate(ctx, scheduled) : labels.cover.notScheduled],
  ];
  const parts: Content[] = [
    keepWithNext(heading(g.heading, 'h1'), paragraph(g.intro)),
    labelValueTable(who, sizes),
    { stack: [labelValueTable(providerDetails(ctx), sizes)], unbreakable: true },
    ...providerGroups(ctx, (provider) => {
      const other = billingProvider(ctx, provider);
      return other === null ? [diagnosisLine(ctx)] : [billedByLine(ctx, other), diagnosisLine(ctx)];
    }),
    totalTable(ctx, labels.estimate.totalCharges, estimate.charges),
  ];
  const unnamed = estimate.lines.some(
    (line) => (line.provider === 'facility' || line.provider === 'anesthesia') && billingProvider(ctx, line.provider) === null,
  );
  if (unnamed) parts.push(paragraph(g.otherProviders));
  if (estimate.charges.low !== estimate.patient.low || estimate.charges.high !== estimate.patient.high) {
    const discount = fillLabel(g.selfPayDiscount, { rate: estimate.selfPayDiscountPercent });
    parts.push(
      totalTable(ctx, discount, { low: estimate.patient.low - estimate.charges.low, high: estimate.patient.high - estimate.charges.high }, false),
      totalTable(ctx, labels.insurance.youMayOwe, estimate.patient),
    );
  }
  parts.push(...separatelyScheduledSection(ctx));
  parts.push(
    notice(
      [
        { text: g.disclaimerEstimateOnly, style: 'notice', margin: [0, 0, 0, sizes.gap] },
        ...bullets([g.disclaimerOtherItems, g.disclaimerDisputeRight, g.disclaimerHowToLearn, g.disclaimerQualityOfCare, g.disclaimerNotContract], sizes),
      ],
      sizes,
      colors.shade,
      false,
    ),
    paragraph(g.keepCopy, { color: colors.muted }),
  );
  return parts;
}
