/**
 * "Your costs with insurance": the plan figures the estimate used (member ID masked to its
 * last 4 characters), what the patient may owe and how it was figured, and a plain
 * statement that this is an estimate and the plan decides the final amount.
 *
 * Medicare: "Medicare-approved amount" instead of "allowed"; no network line for Original
 * Medicare or Medicaid (they have none); the supplement behind Original Medicare and what it
 * pays; each provider's part (the doctor, the facility, anesthesia). A plan figure that is only
 * a typical value is printed as such, never as the patient's plan.
 */
import type { CostSharingUsed, Estimate, PatientBreakdown, Supplement } from '../estimate/types';
import { billingRoles } from '../case/enums';
import { formatCents } from '../money';
import type { Content, TableCell, TableNode } from './pdfmake-types';
import { heading, keepWithNext, labelValueTable, moneyTableLayout, notice, paragraph } from './layout';
import { amountWidth } from './estimate-section';
import { formatRange, type PacketContext } from './packet-context';
import { maskMemberId } from './ready';

type Labels = PacketContext['labels']['insurance'];

/** The supplement's name in the packet's language. */
export function supplementName(i: Labels, s: Supplement): string {
  if (s.kind === 'medicaid') return s.qmb ? i.medicaidQmb : i.medicaidNotQmb;
  if (s.kind === 'other') return i.otherPlan;
  const high = s.plan.endsWith('-high');
  return `${i.medigapPlan} ${s.plan.replace('-high', '')}${high ? ` ${i.highDeductible}` : ''}`;
}

/** Original Medicare and Medicaid have no networks: no network line for them. */
const hasNetwork = (ctx: PacketContext): boolean => ctx.caseData.coverage.kind === 'commercial' || ctx.caseData.coverage.kind === 'medicare-advantage';

function figuresUsed(ctx: PacketContext, used: CostSharingUsed): [string, string][] {
  const i = ctx.labels.insurance;
  const coverage = ctx.caseData.coverage;
  const medicare = ctx.estimate.medicare;
  const original = medicare?.plan === 'original';
  const typical = (field: CostSharingUsed['typical'][number], value: string): string => (used.typical.includes(field) ? `${value} ${i.typicalValue}` : value);
  const rows: [string, string][] = [];
  rows.push([i.payer, coverage.payerName?.trim() ? `${coverage.payerName.trim()} (${i.coverageKinds[coverage.kind]})` : i.coverageKinds[coverage.kind]]);
  if (original && medicare.supplement !== null) rows.push([i.supplement, supplementName(i, medicare.supplement)]);
  const second = coverage.secondary;
  if (second !== undefined) rows.push([i.supplement, second.payerName?.trim() ? second.payerName.trim() : i.otherPlan]);
  const memberId = coverage.memberId ? maskMemberId(coverage.memberId) : '';
  if (memberId !== '') rows.push([i.memberId, memberId]);
  if (hasNetwork(ctx)) rows.push([i.network, used.network === 'in' ? i.inNetwork : i.outOfNetwork]);
  if (medicare !== null) {
    const charges = ctx.estimate.allowedSource === 'charges' ? ` ${i.chargesUsed}` : '';
    rows.push([i.medicareApprovedAmount, `${formatRange(ctx.estimate.allowed)}${charges}`]);
  } else {
    const allowed = used.allowedFromStaff ? formatRange(ctx.estimate.allowed) : used.network === 'out' ? i.allowedUnknownOutOfNetwork : i.allowedUnknown;
    rows.push([i.allowedAmount, allowed]);
  }
  rows.push([i.deductibleRemaining, typical('deductible', formatCents(Math.max(0, used.deductibleCents - used.deductibleMetCents)))]);
  rows.push([i.coinsurance, typical('coinsurance', `${used.coinsurancePercent}%`)]);
  if (medicare?.plan === 'advantage') {
    for (const role of billingRoles) {
      const copay = used.copays[role];
      if (copay !== undefined) rows.push([`${i.copay} (${ctx.labels.estimate.providers[role]})`, formatCents(copay)]);
    }
  } else if (!original) {
    rows.push([i.copay, formatCents(used.copayCents)]);
  }
  if (original) {
    rows.push([i.outOfPocketRemaining, i.noOutOfPocketMaxMedicare]);
  } else {
    const left = used.outOfPocketMaxCents === null ? i.noOutOfPocketMax : formatCents(Math.max(0, used.outOfPocketMaxCents - used.outOfPocketMetCents));
    rows.push([i.outOfPocketRemaining, typical('outOfPocketMax', left)]);
  }
  return rows;
}

function rangeRow(label: string, range: { low: number; high: number }, style: string, minus = false): TableCell[] {
  const sign = minus ? '− ' : '';
  return [
    { text: label, style },
    { text: `${sign}${formatCents(range.low)}`, style, alignment: 'right', noWrap: true },
    { text: `${sign}${formatCents(range.high)}`, style, alignment: 'right', noWrap: true },
  ];
}

function breakdownTable(ctx: PacketContext): TableNode {
  const i = ctx.labels.insurance;
  const e = ctx.labels.estimate;
  const { low, high } = ctx.estimate.patientBreakdown;
  const amount = amountWidth(ctx);
  const row = (label: string, pick: (b: PatientBreakdown) => number, minus = false): TableCell[] =>
    rangeRow(label, { low: pick(low), high: pick(high) }, 'tableCell', minus);
  const body: TableCell[][] = [
    [{ text: i.howWeFiguredIt, style: 'tableHeader' }, { text: e.low, style: 'tableHeader', alignment: 'right' }, { text: e.high, style: 'tableHeader', alignment: 'right' }],
  ];
  if (ctx.estimate.medicare?.plan !== 'original' || low.copayCents > 0 || high.copayCents > 0) body.push(row(i.copayPart, (b) => b.copayCents));
  body.push(row(i.deductiblePart, (b) => b.deductibleCents));
  body.push(row(i.coinsurancePart, (b) => b.coinsuranceCents));
  if (low.balanceBillCents > 0 || high.balanceBillCents > 0) body.push(row(i.balanceBillPart, (b) => b.balanceBillCents));
  if (low.secondaryCents > 0 || high.secondaryCents > 0) body.push(row(i.supplementPart, (b) => b.secondaryCents, true));
  body.push(rangeRow(i.youMayOwe, ctx.estimate.patient, 'total'));
  body.push(rangeRow(ctx.estimate.medicare?.plan === 'original' ? i.medicareMayPay : i.insuranceMayPay, ctx.estimate.insurance, 'tableCell'));
  return {
    table: { widths: ['*', amount, amount], headerRows: 1, dontBreakRows: true, body },
    layout: moneyTableLayout(ctx.sizes),
    margin: [0, 0, 0, ctx.sizes.gap * 1.5],
    unbreakable: true,
  };
}

/** Each provider's part on Medicare's amounts: approved, what Medicare (or the plan) pays, any other plan, what the patient may owe. */
function providerTable(ctx: PacketContext, estimate: Estimate): TableNode {
  const i = ctx.labels.insurance;
  const withSecondary = estimate.secondary.high > 0;
  const amount = amountWidth(ctx);
  const payer = estimate.medicare?.plan === 'original' ? i.medicarePaysColumn : i.planPaysColumn;
  const header = (text: string, left = false): TableCell => ({ text, style: 'tableHeader', alignment: left ? 'left' : 'right' });
  const money = (range: { low: number; high: number }, style = 'tableCell'): TableCell => ({ text: formatRange(range), style, alignment: 'right' });
  const body: TableCell[][] = [
    [header(i.providerColumn, true), header(i.approvedColumn), header(payer), ...(withSecondary ? [header(i.supplementPaysColumn)] : []), header(i.youPayColumn)],
    ...estimate.providers.map((p): TableCell[] => [
      { text: ctx.labels.estimate.providers[p.role], style: 'tableCell' },
      p.allowedSource === 'charges' ? { text: `${formatRange(p.allowed)} ${i.chargesUsed}`, style: 'tableCell', alignment: 'right' } : money(p.allowed),
      money(p.insurance),
      ...(withSecondary ? [money(p.secondary)] : []),
      money(p.patient, 'total'),
    ]),
  ];
  return {
    table: { widths: ['*', amount, amount, ...(withSecondary ? [amount] : []), amount], headerRows: 1, dontBreakRows: true, body },
    layout: moneyTableLayout(ctx.sizes),
    margin: [0, 0, 0, ctx.sizes.gap * 1.5],
    unbreakable: true,
  };
}

export function insuranceSection(ctx: PacketContext, used: CostSharingUsed): Content[] {
  const i = ctx.labels.insurance;
  const medicare = ctx.estimate.medicare;
  const parts: Content[] = [
    // Eight short rows: heading and figures stay together rather than leave one row behind.
    keepWithNext(heading(i.heading, 'h2'), labelValueTable(figuresUsed(ctx, used), ctx.sizes)),
    breakdownTable(ctx),
  ];
  if (ctx.estimate.contract !== null) parts.push(paragraph(i.contractedRates));
  if (medicare === null && (ctx.estimate.contract !== null || ctx.estimate.secondary.high > 0)) {
    parts.push(keepWithNext(heading(i.byProvider, 'h3'), providerTable(ctx, ctx.estimate)));
  }
  if (medicare !== null) {
    parts.push(keepWithNext(heading(i.byProvider, 'h3'), providerTable(ctx, ctx.estimate)));
    parts.push(paragraph(medicare.plan === 'original' ? i.medicareNote : i.advantageNote));
    if (ctx.estimate.providers.some((p) => p.allowedSource === 'charges')) parts.push(paragraph(i.facilityChargesNote));
    if (medicare.hospitalCopayCapped) parts.push(paragraph(i.hospitalCapNote));
    if (medicare.supplement?.kind === 'medicaid' && medicare.supplement.qmb) parts.push(paragraph(i.qmbNote));
  }
  if (ctx.estimate.outOfPocketCapReached) parts.push(paragraph(i.capApplied));
  if (used.network === 'out' && medicare === null) parts.push(paragraph(i.outOfNetworkWarning));
  parts.push(notice([{ text: i.planDecides, style: 'notice' }], ctx.sizes));
  return parts;
}
