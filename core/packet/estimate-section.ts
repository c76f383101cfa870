/**
 * The estimate: itemized lines grouped by who bills them, with codes and low–high amounts
 * ("Included" where a code's payment already covers it), the total charges, and the items
 * scheduled and billed separately (pre-procedure imaging), which are never in the total.
 */
import type { EstimateLine, ProviderRole, SeparateItem } from '../estimate/types';
import { formatCents } from '../money';
import type { Content, TableCell, TableNode, TextNode } from './pdfmake-types';
import { heading, keepWithNext, moneyTableLayout, paragraph } from './layout';
import { displayCode, isAddOnCode, type PacketContext } from './packet-context';
import { colors } from './styles';
import { serviceNameFor } from './content-schema';

const PROVIDER_ORDER: readonly ProviderRole[] = ['physician', 'facility', 'anesthesia', 'imaging'];

export interface ProviderGroup<T> {
  provider: ProviderRole;
  lines: T[];
}

/** Lines grouped by provider, in a fixed order (physician first), empty groups left out. */
export function groupByProvider<T extends { provider: ProviderRole }>(lines: readonly T[]): ProviderGroup<T>[] {
  return PROVIDER_ORDER.map((provider) => ({ provider, lines: lines.filter((line) => line.provider === provider) })).filter(
    (group) => group.lines.length > 0,
  );
}

/** The patient-facing name of a code in the packet's language (the engine's text otherwise). */
export function serviceName(ctx: PacketContext, line: { code: string; provider: string; description: string }): string {
  return serviceNameFor(ctx.content, line);
}

/** Width of an amount column: fits "$99,999.00" at the body size. */
export function amountWidth(ctx: PacketContext): number {
  return ctx.sizes.body * 5.3;
}

/** Widths: code, service, low, high. */
export function moneyWidths(ctx: PacketContext): (number | string)[] {
  return [ctx.sizes.body * 3.7, '*', amountWidth(ctx), amountWidth(ctx)];
}

function headerRow(ctx: PacketContext): TableCell[] {
  const e = ctx.labels.estimate;
  return [
    { text: e.code, style: 'tableHeader' },
    { text: e.service, style: 'tableHeader' },
    { text: e.low, style: 'tableHeader', alignment: 'right' },
    { text: e.high, style: 'tableHeader', alignment: 'right' },
  ];
}

function lineRow(ctx: PacketContext, line: EstimateLine | SeparateItem): TableCell[] {
  // A count means something to a patient only on "each added" codes (bones, 15 minutes).
  const counted = 'quantity' in line && line.quantity > 1 && isAddOnCode(line.code, ctx.estimate);
  const quantity = counted ? ` (${ctx.labels.estimate.quantity}: ${line.quantity})` : '';
  const service: TableCell = { text: `${serviceName(ctx, line)}${quantity}`, style: 'tableCell' };
  const code: TableCell = { text: displayCode(line.code, ctx.estimate), style: 'tableCell', noWrap: true };
  if ('included' in line && line.included) {
    return [code, service, { text: ctx.labels.estimate.included, style: 'tableCell', color: colors.muted, alignment: 'right', colSpan: 2 }, ''];
  }
  return [
    code,
    service,
    { text: formatCents(line.lowCents), style: 'tableCell', alignment: 'right', noWrap: true },
    { text: formatCents(line.highCents), style: 'tableCell', alignment: 'right', noWrap: true },
  ];
}

/** A full-width row above the column headers: a group's name or a note. */
export function titleRow(content: TextNode): TableCell[] {
  return [{ ...content, colSpan: 4 }, '', '', ''];
}

/**
 * Lines as a table. `titles` rows (the provider's name, a note) and the column headers
 * repeat on a new page and always stay with the first line: no heading alone at a page end.
 */
export function linesTable(ctx: PacketContext, lines: readonly (EstimateLine | SeparateItem)[], titles: TableCell[][] = []): TableNode {
  return {
    table: {
      widths: moneyWidths(ctx),
      headerRows: titles.length + 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      body: [...titles, headerRow(ctx), ...lines.map((line) => lineRow(ctx, line))],
    },
    layout: moneyTableLayout(ctx.sizes, titles.length),
    margin: [0, 0, 0, ctx.sizes.gap * 1.5],
  };
}

/** A bold row of label + low + high, for totals. */
export function totalTable(ctx: PacketContext, label: string, range: { low: number; high: number }, strong = true): TableNode {
  const style = strong ? 'total' : 'tableCell';
  return {
    table: {
      widths: ['*', amountWidth(ctx), amountWidth(ctx)],
      body: [
        [
          { text: label, style },
          { text: formatCents(range.low), style, alignment: 'right', noWrap: true },
          { text: formatCents(range.high), style, alignment: 'right', noWrap: true },
        ],
      ],
      dontBreakRows: true,
    },
    layout: {
      ...moneyTableLayout(ctx.sizes),
      hLineWidth: (row) => (row === 0 && strong ? 1.2 : 0),
      fillColor: () => (strong ? colors.shade : null),
      paddingLeft: (col) => (col === 0 ? ctx.sizes.body * 0.4 : ctx.sizes.body * 0.35),
      paddingRight: (col) => (col === 2 ? ctx.sizes.body * 0.4 : ctx.sizes.body * 0.35),
    },
    margin: [0, 0, 0, ctx.sizes.gap * 1.5],
    unbreakable: true,
  };
}

/** One table per provider, its name (and any `notes` rows) as the table's title rows. */
export function providerGroups(ctx: PacketContext, notes: (provider: ProviderRole) => TextNode[] = () => []): Content[] {
  return groupByProvider(ctx.estimate.lines).map((group) =>
    linesTable(ctx, group.lines, [
      titleRow({ text: ctx.labels.estimate.providers[group.provider], style: 'h3', margin: [0, 0, 0, 0] }),
      ...notes(group.provider).map(titleRow),
    ]),
  );
}

/** The itemized estimate for insured patients: intro, groups, total charges. */
export function itemizedEstimate(ctx: PacketContext): Content[] {
  const e = ctx.labels.estimate;
  return [
    keepWithNext(heading(e.heading, 'h1'), paragraph(e.intro)),
    ...providerGroups(ctx),
    totalTable(ctx, e.totalCharges, ctx.estimate.charges),
  ];
}

/** Pre-procedure imaging and other separately billed items: shown to everyone, not in totals. */
export function separatelyScheduledSection(ctx: PacketContext): Content[] {
  const items = ctx.estimate.separatelyScheduled;
  if (items.length === 0) return [];
  const e = ctx.labels.estimate;
  // Heading and intro are the table's title rows: they stay with its first line and repeat if it
  // breaks, so no whole page is left for a short list.
  return [
    linesTable(ctx, items, [
      titleRow(heading(e.separatelyScheduled, 'h2', { margin: [0, ctx.sizes.gap, 0, ctx.sizes.gap * 0.4] })),
      titleRow(paragraph(e.separatelyScheduledIntro, { margin: [0, 0, 0, 0] })),
    ]),
  ];
}
