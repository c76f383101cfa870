/**
 * Page 1: the clinic's letterhead, who the packet is for, the procedure in plain words with
 * its billing codes, when it was prepared and its reference number, and a boxed summary of
 * what the patient may owe (or the Good Faith Estimate's total), what insurance is expected to
 * pay, what is due before the procedure, what is not included, and whom to call.
 */
import type { Content } from './pdfmake-types';
import { labelValueTable, notice, paragraph } from './layout';
import { displayCode, formatRange, longDate, type PacketContext } from './packet-context';
import { fillLabel } from './content-schema';
import { formatCents } from '../money';
import { colors } from './styles';

export function letterhead(ctx: PacketContext): Content[] {
  const { clinic, sizes } = ctx;
  const lines: Content[] = [];
  if (clinic.name.trim() !== '') lines.push({ text: clinic.name.trim(), style: 'letterhead' });
  if (clinic.address.trim() !== '') lines.push({ text: clinic.address.trim(), color: colors.muted });
  // Large print: the phone number is in the cost summary below ("Questions about cost? Call ...").
  if (clinic.phone.trim() !== '' && !ctx.largePrint) lines.push({ text: `${ctx.labels.cover.phone}: ${clinic.phone.trim()}`, color: colors.muted });
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

/** The boxed summary: the figure first, in large type, then what surrounds it. */
function costSummary(ctx: PacketContext): Content {
  const cover = ctx.labels.cover;
  const { estimate, sizes } = ctx;
  // Large print: the headline says it all ("You may owe about ..."); the room goes to the figures.
  const lines: Content[] = ctx.largePrint ? [] : [{ text: cover.summaryHeading, style: 'h3', margin: [0, 0, 0, sizes.gap * 0.4] }];
  if (estimate.goodFaithEstimate) {
    // The Good Faith Estimate's total: every provider's expected charges at the high end, less the clinic's discount.
    lines.push({ text: fillLabel(cover.gfeTotal, { amount: formatCents(estimate.patient.high) }), style: 'headline' });
    lines.push({ text: cover.gfeTotalNote, margin: [0, 2, 0, 0] });
  } else {
    lines.push({ text: fillLabel(cover.youMayOwe, { amount: formatRange(estimate.patient) }), style: 'headline' });
    const label = estimate.medicare?.plan === 'original' ? cover.medicareMayPay : cover.insuranceMayPay;
    if (estimate.insurance.high > 0) lines.push({ text: fillLabel(label, { amount: formatRange(estimate.insurance) }), margin: [0, 2, 0, 0] });
    if (estimate.secondary.high > 0) lines.push({ text: fillLabel(cover.otherPlanMayPay, { amount: formatRange(estimate.secondary) }), margin: [0, 2, 0, 0] });
  }
  const money = moneyBeforeTheDay(ctx);
  if (money.length > 0) lines.push({ ...labelValueTable(money, sizes), margin: [0, sizes.gap * 0.5, 0, 0] });
  if (estimate.separatelyScheduled.length > 0) lines.push({ text: cover.notIncluded, margin: [0, sizes.gap * 0.5, 0, 0] });
  const phone = ctx.clinic.phone.trim();
  lines.push({ text: phone === '' ? cover.questions : fillLabel(cover.questionsCall, { phone }), bold: true, margin: [0, sizes.gap * 0.5, 0, 0] });
  return { ...notice([{ stack: lines, lineHeight: sizes.cellLineHeight }], sizes), margin: [0, sizes.gap * 0.5, 0, sizes.gap] };
}

/**
 * "This translation still needs review": on the cover in normal print; in large print at the
 * top of page 2, so the cover keeps its room for the cost summary.
 */
export function translationNotice(ctx: PacketContext): Content[] {
  if (!ctx.content.reviewStatus.needsTranslatorReview) return [];
  const lineHeight = ctx.largePrint ? ctx.sizes.lineHeight : 1.15;
  return [{ ...notice([{ text: ctx.labels.document.translationNotice, lineHeight }], ctx.sizes, colors.noticeFill), margin: [0, ctx.sizes.gap * 0.3, 0, ctx.sizes.gap] }];
}

export function coverPage(ctx: PacketContext): Content[] {
  const { labels, content, caseData, estimate, sizes } = ctx;
  const cover = labels.cover;
  const scheduled = caseData.procedure.scheduledDate;
  const codes = estimate.codes.map((c) => displayCode(c, estimate)).join(', ');
  // Large print: the short name (the title above explains it) with the codes and levels beside
  // it, so the cover and its cost summary fit page 1 even with a long address or Spanish text.
  const levels = caseData.procedure.levels;
  const levelText = levels === 1 ? content.consent.levelsOne : fillLabel(content.consent.levelsMany, { count: levels });
  const procedureRows: [string, string][] = ctx.largePrint
    ? [[cover.procedure, `${cover.procedureShort} (${codes}): ${levelText}`]]
    : [
        [cover.procedure, cover.procedurePlain],
        [cover.procedureCodes, codes],
        [cover.levels, String(levels)],
      ];
  const rows: [string, string][] = [
    [cover.patientName, ctx.patientName],
    // Large print: the date of birth is in every page's footer, the cover's room goes to the cost.
    ...(ctx.largePrint ? [] : [[labels.document.dateOfBirth, ctx.dateOfBirth] as [string, string]]),
    ...procedureRows,
    [cover.scheduledDate, scheduled ? longDate(ctx, scheduled) : cover.notScheduled],
    // Large print: the footer of every page carries the estimate's date.
    ...(ctx.largePrint ? [] : [[cover.datePrepared, longDate(ctx, ctx.preparedDate)] as [string, string]]),
    [cover.referenceNumber, ctx.reference],
    ...(ctx.revision === undefined ? [] : [[cover.replaces, `${ctx.revision.reference} (${longDate(ctx, ctx.revision.issuedAt.slice(0, 10))})`] as [string, string]]),
  ];
  const lineHeight = ctx.largePrint ? sizes.cellLineHeight : 1.15;
  // What the patient may owe comes right after the title: the first thing read on page 1.
  const parts: Content[] = [
    ...letterhead(ctx),
    { text: content.title, style: 'title', lineHeight: 1.05 },
    ...(ctx.largePrint ? [] : [{ text: content.subtitle, style: 'subtitle' } satisfies Content]),
    costSummary(ctx),
    // Large print needs the room: the table's first row ("Patient name") says who it is for.
    ...(ctx.largePrint ? [] : [{ text: cover.preparedFor, style: 'h3', margin: [0, 0, 0, sizes.gap * 0.5] } satisfies Content]),
    { ...labelValueTable(rows, sizes), lineHeight },
  ];
  if (!ctx.largePrint) parts.push(...translationNotice(ctx));
  if (!ctx.largePrint) parts.push(paragraph(cover.keepThisPacket, { margin: [0, sizes.gap * 0.5, 0, 0], color: colors.muted }));
  return [{ stack: parts, pageBreak: 'after' }];
}
