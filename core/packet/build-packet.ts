/**
 * buildPacketDocument: (case, estimate, content, clinic, options) -> pdfmake document
 * definition. Pure and deterministic: no clock, no randomness, no I/O. The order is the
 * cover, the estimate (insured costs or a Good Faith Estimate), separately scheduled items,
 * the content sections and FAQs, then the informed consent pages. Long unbroken words may
 * break anywhere (long-words.ts).
 */
import type { Content, TDocumentDefinitions } from './pdfmake-types';
import { consentPages } from './consent';
import { contentSections } from './content-sections';
import { coverPage, translationNotice } from './cover';
import { itemizedEstimate, separatelyScheduledSection } from './estimate-section';
import { packetFooter } from './footer';
import { goodFaithSection } from './good-faith';
import { insuranceSection } from './insurance-section';
import { wrapLongWords } from './long-words';
import { longDate, patientFullName, type PacketContext, type PacketInput } from './packet-context';
import { packetSizes, packetStyles, pageMargins } from './styles';
import { noOtherProviders } from '../settings';

export type { PacketInput } from './packet-context';

/** US Letter in points. */
const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;

/** Metadata never holds patient data: a PDF's properties are easy to see and to index. */
export const PACKET_TITLE = 'Vertebroplasty patient packet';

export function buildPacketDocument(input: PacketInput): TDocumentDefinitions {
  const margins = pageMargins(input.largePrint);
  const sizes = packetSizes(input.largePrint);
  const ctx: PacketContext = {
    ...input,
    otherProviders: input.otherProviders ?? noOtherProviders,
    doctors: input.doctors ?? [],
    labels: input.content.labels,
    language: input.content.language,
    sizes,
    contentWidth: PAGE_WIDTH - margins[0] - margins[2],
    contentHeight: PAGE_HEIGHT - margins[1] - margins[3],
    patientName: patientFullName(input.caseData),
    dateOfBirth: '',
  };
  ctx.dateOfBirth = longDate(ctx, input.caseData.patient.dateOfBirth);

  const estimatePart: Content[] = input.estimate.goodFaithEstimate
    ? goodFaithSection(ctx)
    : [
        ...itemizedEstimate(ctx),
        ...(input.estimate.costSharing === null ? [] : insuranceSection(ctx, input.estimate.costSharing)),
        ...separatelyScheduledSection(ctx),
      ];

  const doc: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageMargins: margins,
    ...packetStyles(sizes),
    language: input.content.language === 'es' ? 'es-US' : 'en-US',
    info: { title: PACKET_TITLE, subject: 'Cost estimate and patient information', creator: 'Clinic Estimate & Packet', producer: 'Clinic Estimate & Packet' },
    footer: packetFooter(ctx, margins),
    content: [...coverPage(ctx), ...(ctx.largePrint ? translationNotice(ctx) : []), ...estimatePart, ...contentSections(ctx), ...consentPages(ctx)],
  };
  if (input.clinic.logoDataUrl !== '') doc.images = { clinicLogo: input.clinic.logoDataUrl };
  // A long unbroken word (a name typed without spaces) wraps in its cell instead of running off the page.
  return wrapLongWords(doc);
}
