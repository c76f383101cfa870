/**
 * "Your costs with insurance": the plan figures the estimate used (member ID masked to its
 * last 4 characters), what the patient may owe and how it was figured, and a plain
 * statement that this is an estimate and the plan decides the final amount.
 */
import type { CostSharingUsed, PatientBreakdown } from '../estimate/types';
import { formatCents } from '../money';
import type { Content, TableCell, TableNode } from './pdfmake-types';
import { heading, keepWithNext, labelValueTable, moneyTableLayout, notice, paragraph } from './layout';
import { amountWidth } from './estimate-section';
import { formatRange, type PacketContext } from './packet-context';
import { maskMemberId } from './ready';

function figuresUsed(ctx: PacketContext, used: CostSharingUsed): [string, string][] {
  const i = ctx.labels.insurance;
  const coverage = ctx.caseData.coverage;
  const rows: [string, string][] = [];
  rows.push([i.payer, coverage.payerName?.trim() ? `${coverage.payerName.trim()} (${i.coverageKinds[coverage.kind]})` : i.coverageKinds[coverage.kind]]);
  const memberId = coverage.memberId ? maskMemberId(coverage.memberId) : '';
  if (memberId !== '') rows.push([i.memberId, memberId]);
  rows.push([i.network, used.network === 'in' ? i.inNetwork : i.outOfNetwork]);
  const allowed = used.allowedFromStaff ? formatRange(ctx.estimate.allowed) : used.network === 'out' ? i.allowedUnknownOutOfNetwork : i.allowedUnknown;
  rows.push([i.allowedAmount, allowed]);
  rows.push([i.deductibleRemaining, formatCents(Math.max(0, used.deductibleCents - used.deductibleMetCents))]);
  rows.push([i.coinsurance, `${used.coinsurancePercent}%`]);
  rows.push([i.copay, formatCents(used.copayCents)]);
  rows.push([
    i.outOfPocketRemaining,
    used.outOfPocketMaxCents === null ? i.noOutOfPocketMax : formatCents(Math.max(0, used.outOfPocketMaxCents - used.outOfPocketMetCents)),
  ]);
  return rows;
}

function rangeRow(label: string, range: { low: number; high: number }, style: string): TableCell[] {
  return [
    { text: label, style },
    { text: formatCents(range.low), style, alignment: 'right', noWrap: true },
    { text: formatCents(range.high), style, alignment: 'right', noWrap: true },
  ];
}

function breakdownTable(ctx: PacketContext): TableNode {
  const i = ctx.labels.insurance;
  const e = ctx.labels.estimate;
  const { low, high } = ctx.estimate.patientBreakdown;
  const amount = amountWidth(ctx);
  const row = (label: string, pick: (b: PatientBreakdown) => number): TableCell[] =>
    rangeRow(label, { low: pick(low), high: pick(high) }, 'tableCell');
  const body: TableCell[][] = [
    [{ text: i.howWeFiguredIt, style: 'tableHeader' }, { text: e.low, style: 'tableHeader', alignment: 'right' }, { text: e.high, style: 'tableHeader', alignment: 'right' }],
    row(i.copayPart, (b) => b.copayCents),
    row(i.deductiblePart, (b) => b.deductibleCents),
    row(i.coinsurancePart, (b) => b.coinsuranceCents),
  ];
  if (low.balanceBillCents > 0 || high.balanceBillCents > 0) body.push(row(i.balanceBillPart, (b) => b.balanceBillCents));
  body.push(rangeRow(i.youMayOwe, ctx.estimate.patient, 'total'));
  body.push(rangeRow(i.insuranceMayPay, ctx.estimate.insurance, 'tableCell'));
  return {
    table: { widths: ['*', amount, amount], headerRows: 1, dontBreakRows: true, body },
    layout: moneyTableLayout(ctx.sizes),
    margin: [0, 0, 0, ctx.sizes.gap * 1.5],
    unbreakable: true,
  };
}

export function insuranceSection(ctx: PacketContext, used: CostSharingUsed): Content[] {
  const i = ctx.labels.insurance;
  const parts: Content[] = [
    // Eight short rows: heading and figures stay together rather than leave one row behind.
    keepWithNext(heading(i.heading, 'h2'), labelValueTable(figuresUsed(ctx, used), ctx.sizes)),
    breakdownTable(ctx),
  ];
  if (ctx.estimate.outOfPocketCapReached) parts.push(paragraph(i.capApplied));
  if (used.network === 'out') parts.push(paragraph(i.outOfNetworkWarning));
  parts.push(notice([{ text: i.planDecides, style: 'notice' }], ctx.sizes));
  return parts;
}
