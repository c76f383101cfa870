/**
 * Page 1: the clinic's letterhead, who the packet is for, the procedure in plain words with
 * its billing codes, when it was prepared and its reference number.
 */
import type { Content } from './pdfmake-types';
import { labelValueTable, notice, paragraph } from './layout';
import { displayCode, formatRange, longDate, type PacketContext } from './packet-context';
import { colors } from './styles';

export function letterhead(ctx: PacketContext): Content[] {
  const { clinic, sizes } = ctx;
  const lines: Content[] = [];
  if (clinic.name.trim() !== '') lines.push({ text: clinic.name.trim(), style: 'letterhead' });
  if (clinic.address.trim() !== '') lines.push({ text: clinic.address.trim(), color: colors.muted });
  if (clinic.phone.trim() !== '') lines.push({ text: `${ctx.labels.cover.phone}: ${clinic.phone.trim()}`, color: colors.muted });
  if (lines.length === 0 && clinic.logoDataUrl === '') return [];
  const text: Content = { stack: lines, width: '*', lineHeight: 1.1 };
  const head: Content =
    clinic.logoDataUrl === ''
      ? text
      : { columns: [{ image: 'clinicLogo', fit: [sizes.body * 6, sizes.body * 4], width: sizes.body * 6.5 }, text], columnGap: sizes.gap * 1.5 };
  return [
    head,
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: ctx.contentWidth, y2: 0, lineWidth: 1.5, lineColor: colors.accent }], margin: [0, sizes.gap, 0, ctx.largePrint ? sizes.gap : sizes.gap * 2] },
  ];
}

/** What the clinic asks before the day, on the first page where the patient sees it at once. */
function moneyBeforeTheDay(ctx: PacketContext): [string, string][] {
  const cover = ctx.labels.cover;
  const p = ctx.estimate.payments;
  const rows: [string, string][] = [];
  if (p.dueBeforeProcedure.high > 0) rows.push([cover.dueBeforeProcedure, formatRange(p.dueBeforeProcedure)]);
  if (p.plan !== null && p.plan.monthly.high > 0) {
    const last = p.plan.last.low === p.plan.monthly.low && p.plan.last.high === p.plan.monthly.high ? '' : ` (${cover.lastPayment} ${formatRange(p.plan.last)})`;
    rows.push([cover.paymentPlan, `${p.plan.months} ${cover.monthlyPaymentsOf} ${formatRange(p.plan.monthly)}${last}`]);
  }
  return rows;
}

export function coverPage(ctx: PacketContext): Content[] {
  const { labels, content, caseData, estimate, sizes } = ctx;
  const cover = labels.cover;
  const scheduled = caseData.procedure.scheduledDate;
  const codes = estimate.codes.map((c) => displayCode(c, estimate)).join(', ');
  // Large print: the short name (the title above explains it) with the codes beside it,
  // so the cover fits one page even with a long clinic address or Spanish text.
  const procedureRows: [string, string][] = ctx.largePrint
    ? [[cover.procedure, `${cover.procedureShort} (${codes})`]]
    : [
        [cover.procedure, cover.procedurePlain],
        [cover.procedureCodes, codes],
      ];
  const rows: [string, string][] = [
    [cover.patientName, ctx.patientName],
    [labels.document.dateOfBirth, ctx.dateOfBirth],
    ...procedureRows,
    [cover.levels, String(caseData.procedure.levels)],
    [cover.scheduledDate, scheduled ? longDate(ctx, scheduled) : cover.notScheduled],
    [cover.datePrepared, longDate(ctx, ctx.preparedDate)],
    [cover.referenceNumber, ctx.reference],
    ...moneyBeforeTheDay(ctx),
  ];
  const parts: Content[] = [
    ...letterhead(ctx),
    { text: content.title, style: 'title', lineHeight: 1.05 },
    { text: content.subtitle, style: 'subtitle' },
    // Large print needs the room: the table's first row ("Patient name") says who it is for.
    ...(ctx.largePrint ? [] : [{ text: cover.preparedFor, style: 'h3', margin: [0, 0, 0, sizes.gap * 0.5] } satisfies Content]),
    { ...labelValueTable(rows, sizes), lineHeight: 1.15 },
  ];
  if (content.reviewStatus.needsTranslatorReview) {
    parts.push({ ...notice([{ text: labels.document.translationNotice, lineHeight: 1.2 }], sizes, colors.noticeFill), margin: [0, sizes.gap * 0.5, 0, sizes.gap * 0.5] });
  }
  parts.push(paragraph(cover.keepThisPacket, { margin: [0, sizes.gap * 0.5, 0, 0], color: colors.muted }));
  return [{ stack: parts, pageBreak: 'after' }];
}
