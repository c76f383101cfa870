/**
 * The Good Faith Estimate for uninsured and self-pay patients, laid out as the CMS standard
 * form (CMS-10791) lays out 45 CFR 149.610(c): the patient, the primary service, its date and
 * the diagnosis; then one block per provider or facility that bills (the clinic; the hospital
 * outpatient department or surgery center; the anesthesia group), each with its own name, NPI,
 * TIN and address and its lines (service code, plain description, diagnosis code, quantity,
 * one expected charge) and its own total; then the total of every provider, the items
 * scheduled separately, and every disclaimer.
 *
 * One expected charge per line: the high end of the fee schedule's usual range, so a bill
 * $400 or more above a provider's total here is the case the dispute right is for. The
 * self-pay discount is the clinic's only, shown as its own line in the clinic's block.
 */
import type { EstimateLine, ProviderRole } from '../estimate/types';
import { formatCents } from '../money';
import type { Content, TableCell, TableNode, TextNode } from './pdfmake-types';
import { bullets, heading, keepWithNext, labelValueTable, moneyTableLayout, notice, paragraph } from './layout';
import { displayCode, longDate, type PacketContext } from './packet-context';
import { amountWidth, groupByProvider, separatelyScheduledSection, serviceName } from './estimate-section';
import { fillLabel } from './content-schema';
import { otherProviderFor } from './ready';
import { colors } from './styles';

/** Who bills a group of lines: the clinic, a provider staff entered in Settings, or one not named yet. */
interface BillingBlock {
  key: string;
  title: string;
  /** The kind of provider, in the packet's language ("Surgery center"). */
  kind: string;
  /** Name, NPI, TIN, address rows; empty for a provider not named yet. */
  identity: [string, string][];
  roles: ProviderRole[];
  lines: EstimateLine[];
  /** The self-pay discount on this block's lines (the clinic's only), in cents. */
  discountCents: number;
  /** What the patient is expected to be charged by this provider: lines at the high end, less any discount. */
  totalCents: number;
  /** Said under the block: an anesthesia group not named bills separately. */
  note: string | null;
}

/** The address where the procedure is done: the hospital or surgery center staff entered, else the clinic. */
function serviceLocation(ctx: PacketContext): string {
  const facility = otherProviderFor('facility', ctx.caseData.procedure.site);
  const entered = facility === null ? '' : ctx.otherProviders[facility.key].address.trim();
  return entered !== '' ? entered : ctx.clinic.address.trim();
}

/** The chosen doctor as printed: "Dr. Ana Ruiz (NPI 1234567893)" when the clinic listed the NPI. */
function doctorText(ctx: PacketContext): string | null {
  const name = ctx.caseData.doctor?.trim();
  if (!name) return null;
  const listed = ctx.doctors.find((d) => d.name.trim().toLowerCase() === name.toLowerCase());
  return listed !== undefined && listed.npi.trim() !== '' ? `${name} (${ctx.labels.goodFaith.npi} ${listed.npi.trim()})` : name;
}

function identityRows(ctx: PacketContext, p: { npi: string; tin: string; address: string }, location: string | null): [string, string][] {
  const g = ctx.labels.goodFaith;
  const rows: [string, string][] = [
    [g.npi, p.npi.trim()],
    [g.tin, p.tin.trim()],
    [g.address, p.address.trim()],
  ];
  if (location !== null && location !== p.address.trim()) rows.push([g.location, location]);
  return rows;
}

/** The blocks of the estimate, clinic first, each provider once (at an office the clinic bills the facility part too). */
function billingBlocks(ctx: PacketContext): BillingBlock[] {
  const g = ctx.labels.goodFaith;
  const site = ctx.caseData.procedure.site;
  const location = serviceLocation(ctx);
  const blocks = new Map<string, BillingBlock>();
  for (const group of groupByProvider(ctx.estimate.lines)) {
    const entry = otherProviderFor(group.provider, site);
    const entered = entry === null ? null : ctx.otherProviders[entry.key];
    const named = entered !== null && entered.name.trim() !== '';
    const key = entry === null ? 'clinic' : named ? entry.key : `unnamed-${entry.key}`;
    const share = ctx.estimate.providers.find((p) => p.role === group.provider);
    const discount = share === undefined ? 0 : share.charges.high - share.patient.high;
    const total = share === undefined ? group.lines.reduce((sum, l) => sum + l.highCents, 0) : share.patient.high;
    const existing = blocks.get(key);
    if (existing !== undefined) {
      existing.roles.push(group.provider);
      existing.lines.push(...group.lines);
      existing.discountCents += discount;
      existing.totalCents += total;
      continue;
    }
    const doctor = doctorText(ctx);
    const block: BillingBlock =
      entry === null
        ? {
            key,
            title: ctx.clinic.name.trim(),
            kind: g.kinds.clinic,
            identity: [...identityRows(ctx, ctx.clinic, location), ...(doctor === null ? [] : [[g.doctor, doctor] as [string, string]])],
            roles: [group.provider],
            lines: [...group.lines],
            discountCents: discount,
            totalCents: total,
            note: null,
          }
        : named
          ? {
              key,
              title: entered.name.trim(),
              kind: g.kinds[entry.key === 'anesthesia' ? 'anesthesia' : site === 'asc' ? 'asc' : 'hospital-outpatient'],
              identity: identityRows(ctx, entered, location),
              roles: [group.provider],
              lines: [...group.lines],
              discountCents: discount,
              totalCents: total,
              note: null,
            }
          : {
              // Only the anesthesia group may be left unnamed (checkPacketReady refuses an unnamed facility).
              key,
              title: g.unnamedAnesthesia,
              kind: g.kinds.anesthesia,
              identity: location === '' ? [] : [[g.location, location]],
              roles: [group.provider],
              lines: [...group.lines],
              discountCents: discount,
              totalCents: total,
              note: g.billedSeparately,
            };
    blocks.set(key, block);
  }
  return [...blocks.values()];
}

/** The diagnosis codes each line carries: the one chosen, or the usual ones until the doctor confirms. */
function diagnosisCodes(ctx: PacketContext): string[] {
  return ctx.caseData.diagnosis !== undefined ? [ctx.caseData.diagnosis] : [...ctx.expectedDiagnoses];
}

function diagnosisText(ctx: PacketContext): string {
  const g = ctx.labels.goodFaith;
  const chosen = ctx.caseData.diagnosis;
  if (chosen === undefined) return fillLabel(g.expectedDiagnosis, { codes: ctx.expectedDiagnoses.join(', ') });
  const name = ctx.content.diagnosisNames[chosen];
  return name === undefined ? chosen : `${chosen}: ${name}`;
}

/** Widths: code, service, diagnosis, quantity, expected charge. */
function columnWidths(ctx: PacketContext): (number | string)[] {
  const b = ctx.sizes.body;
  return [b * 3.7, '*', b * 5.4, b * 2.4, amountWidth(ctx)];
}

/**
 * An upper bound of a block's height in points: every title row at 2 lines (a wrapped address),
 * every line at 3 (a long service name) or one per diagnosis code, headers and totals at 2.
 * pdfmake drops what an unbreakable block cannot fit on one page, so only a block under this
 * bound may be unbreakable.
 */
function blockHeightBound(ctx: PacketContext, titleRows: number, lineRows: number, codes: number): number {
  const line = ctx.sizes.body * 1.17 * ctx.sizes.cellLineHeight;
  const pad = ctx.sizes.body * 0.7;
  return titleRows * (2 * line + pad) + lineRows * (Math.max(3, codes) * line + pad) + 3 * (2 * line + pad);
}

const span = (cell: TextNode, columns = 5): TableCell[] => [{ ...cell, colSpan: columns }, ...Array.from({ length: columns - 1 }, () => '')];

function blockTable(ctx: PacketContext, block: BillingBlock): TableNode {
  const g = ctx.labels.goodFaith;
  const e = ctx.labels.estimate;
  const codes = diagnosisCodes(ctx).join('\n');
  const head = (text: string, right = false): TableCell => ({ text, style: 'tableHeader', alignment: right ? 'right' : 'left' });
  const titles: TableCell[][] = [
    span({ text: [{ text: block.title, style: 'h3' }, { text: `   ${block.kind}`, color: colors.muted }], margin: [0, 0, 0, 2] }),
    ...block.identity.map(([label, value]) => span({ text: [{ text: `${label}: `, bold: true }, value], style: 'tableCell' })),
    ...(block.note === null ? [] : [span({ text: block.note, style: 'tableCell' })]),
  ];
  const rows: TableCell[][] = block.lines.map((line) => [
    { text: displayCode(line.code, ctx.estimate), style: 'tableCell', noWrap: true },
    { text: serviceName(ctx, line), style: 'tableCell' },
    { text: codes, style: 'tableCell' },
    { text: String(line.quantity), style: 'tableCell', alignment: 'right' },
    { text: line.included ? g.includedCharge : formatCents(line.highCents), style: 'tableCell', alignment: 'right', noWrap: true, ...(line.included ? { color: colors.muted } : {}) },
  ]);
  const sumRow = (label: string, cents: number, style: string, minus = false): TableCell[] => [
    ...span({ text: label, style }, 4),
    { text: `${minus ? '− ' : ''}${formatCents(cents)}`, style, alignment: 'right', noWrap: true },
  ];
  if (block.discountCents > 0) rows.push(sumRow(fillLabel(g.selfPayDiscount, { rate: ctx.estimate.selfPayDiscountPercent }), block.discountCents, 'tableCell', true));
  rows.push(sumRow(fillLabel(g.providerTotal, { provider: block.title }), block.totalCents, 'total'));
  return {
    table: {
      widths: columnWidths(ctx),
      headerRows: titles.length + 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      body: [...titles, [head(e.code), head(e.service), head(g.diagnosisColumn), head(g.quantityColumn, true), head(g.expectedCharge, true)], ...rows],
    },
    layout: { ...moneyTableLayout(ctx.sizes, titles.length), fillColor: (row, node) => (row === node.table.body.length - 1 ? colors.shade : null) },
    margin: [0, 0, 0, ctx.sizes.gap * 1.5],
    // Kept whole when it surely fits on a page (a total never alone at a page top); a longer block
    // (large print, many levels) breaks between lines, its name and column headers repeated.
    unbreakable: blockHeightBound(ctx, titles.length, block.lines.length, codes.split('\n').length) < ctx.contentHeight * 0.9,
  };
}

/** Every provider's total, then the total of all: the figure the cover repeats. */
function summaryTable(ctx: PacketContext, blocks: readonly BillingBlock[]): TableNode {
  const g = ctx.labels.goodFaith;
  const row = (label: string, cents: number, style: string): TableCell[] => [
    { text: label, style },
    { text: formatCents(cents), style, alignment: 'right', noWrap: true },
  ];
  return {
    table: {
      widths: ['*', amountWidth(ctx)],
      dontBreakRows: true,
      body: [...blocks.map((b) => row(b.title, b.totalCents, 'tableCell')), row(g.overallTotal, gfeTotalCents(blocks), 'total')],
    },
    layout: { ...moneyTableLayout(ctx.sizes), fillColor: (r, node) => (r === node.table.body.length - 1 ? colors.shade : null) },
    margin: [0, 0, 0, ctx.sizes.gap * 1.5],
    unbreakable: true,
  };
}

const gfeTotalCents = (blocks: readonly BillingBlock[]): number => blocks.reduce((sum, b) => sum + b.totalCents, 0);

export function goodFaithSection(ctx: PacketContext): Content[] {
  const g = ctx.labels.goodFaith;
  const { caseData, estimate, labels, sizes } = ctx;
  const scheduled = caseData.procedure.scheduledDate;
  const who: [string, string][] = [
    [labels.document.patient, ctx.patientName],
    [labels.document.dateOfBirth, ctx.dateOfBirth],
    [g.primaryService, `${labels.cover.procedurePlain} (${estimate.codes.map((c) => displayCode(c, estimate)).join(', ')})`],
    [labels.cover.scheduledDate, scheduled ? longDate(ctx, scheduled) : labels.cover.notScheduled],
    [g.estimateDate, longDate(ctx, ctx.preparedDate)],
    [g.diagnosis, diagnosisText(ctx)],
  ];
  const blocks = billingBlocks(ctx);
  const phone = ctx.clinic.phone.trim();
  return [
    keepWithNext(heading(g.heading, 'h1'), paragraph(g.intro)),
    ...(ctx.revision === undefined
      ? []
      : [notice([{ text: fillLabel(g.replaces, { date: longDate(ctx, ctx.revision.issuedAt.slice(0, 10)), reference: ctx.revision.reference }), style: 'notice' }], sizes)]),
    labelValueTable(who, sizes),
    paragraph(g.howChargesChosen),
    ...blocks.map((block) => blockTable(ctx, block)),
    keepWithNext(heading(g.summaryHeading, 'h2'), summaryTable(ctx, blocks)),
    ...separatelyScheduledSection(ctx),
    notice(
      [
        { text: g.disclaimerEstimateOnly, style: 'notice', margin: [0, 0, 0, sizes.gap] },
        ...bullets(
          [
            g.disclaimerOtherItems,
            g.disclaimerDisputeRight,
            g.disclaimerHowToLearn,
            g.disclaimerQualityOfCare,
            g.disclaimerNotContract,
            g.disclaimerRevised,
            phone === '' ? g.paymentHelp : fillLabel(g.paymentHelpCall, { phone }),
          ],
          sizes,
        ),
      ],
      sizes,
      colors.shade,
      false,
    ),
    paragraph(g.keepCopy, { color: colors.muted }),
  ];
}
