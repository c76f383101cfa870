/**
 * Every text of a pdfmake document definition, mapped by one function: the content, table
 * cells, columns, lists, inline runs, and what the header and footer functions return per page.
 * The one place every printed text passes through on its way to pdfmake (long-words.ts breaks
 * long unbroken words, font-runs.ts moves characters to fallback fonts). Unchanged parts come
 * back as the same objects, so a document with nothing to change costs one scan. Pure.
 */
import type { Content, DynamicFooter, Inline, StyleProps, TDocumentDefinitions } from './pdfmake-types';

/** An inline object's properties other than its text (bold, color, a style name). */
export type InlineProps = Omit<Exclude<Inline, string>, 'text'>;

/**
 * The runs one string becomes (each keeping `props`, the inline's own properties, when it had
 * any), or null to leave it as it is. `font` is the family the text is set in.
 */
export type TextMap = (text: string, props: InlineProps | undefined, font: string) => Inline[] | null;

/** The document's header and footer: static content, or a function of the page. */
type PageContent = Content | DynamicFooter;
export type WalkedDocument = TDocumentDefinitions & { header?: PageContent };

/** A node's or style's own font, if it names one. */
function ownFont(node: StyleProps & { style?: string | string[] }, styles: Record<string, StyleProps>): string | undefined {
  if (node.font !== undefined) return node.font;
  const names = node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style];
  let font: string | undefined;
  for (const name of names) font = styles[name]?.font ?? font;
  return font;
}

/** `items` mapped, or the same array when nothing changed. */
function mapSame<T>(items: readonly T[], map: (item: T) => T): T[] {
  let changed: T[] | null = null;
  items.forEach((item, index) => {
    const mapped = map(item);
    if (mapped !== item) {
      changed ??= items.slice();
      changed[index] = mapped;
    }
  });
  return changed ?? (items as T[]);
}

interface Walk {
  map: TextMap;
  styles: Record<string, StyleProps>;
}

function mapInlines(inlines: readonly Inline[], font: string, walk: Walk): Inline[] {
  let out: Inline[] | null = null;
  inlines.forEach((inline, index) => {
    let replaced: Inline[] | null = null;
    if (typeof inline === 'string') {
      replaced = walk.map(inline, undefined, font);
    } else {
      const inner = ownFont(inline, walk.styles) ?? font;
      const { text, ...props } = inline;
      if (typeof text === 'string') {
        replaced = walk.map(text, props, inner);
      } else if (Array.isArray(text)) {
        const mapped = mapInlines(text, inner, walk);
        if (mapped !== text) replaced = [{ ...inline, text: mapped }];
      }
    }
    if (replaced) {
      out ??= inlines.slice(0, index);
      out.push(...replaced);
    } else out?.push(inline);
  });
  return out ?? (inlines as Inline[]);
}

/** Containers whose children are content: stack, columns, lists. */
const CHILD_LISTS = ['stack', 'columns', 'ul', 'ol'] as const;

function mapNode(node: Content, font: string, walk: Walk): Content {
  if (typeof node === 'string') {
    const runs = walk.map(node, undefined, font);
    return runs ? { text: runs } : node;
  }
  if (typeof node !== 'object' || node === null) return node;
  const inner = ownFont(node, walk.styles) ?? font;
  if ('text' in node) {
    const inlines = typeof node.text === 'string' ? [node.text] : Array.isArray(node.text) ? node.text : null;
    if (inlines === null) return node;
    const mapped = mapInlines(inlines, inner, walk);
    return mapped === inlines ? node : { ...node, text: mapped };
  }
  const record = node as unknown as Record<string, unknown>;
  let changed: Record<string, unknown> | null = null;
  for (const key of CHILD_LISTS) {
    const children = record[key];
    if (!Array.isArray(children)) continue;
    const mapped = mapSame(children as Content[], (child) => mapNode(child, inner, walk));
    if (mapped !== children) (changed ??= { ...record })[key] = mapped;
  }
  if ('table' in node && Array.isArray(node.table.body)) {
    const body = mapSame(node.table.body, (row) => (Array.isArray(row) ? mapSame(row, (cell) => mapNode(cell, inner, walk) as typeof cell) : row));
    if (body !== node.table.body) (changed ??= { ...record }).table = { ...node.table, body };
  }
  return changed === null ? node : (changed as unknown as Content);
}

function mapPageContent<T extends PageContent | undefined>(part: T, font: string, walk: Walk): T {
  if (part === undefined) return part;
  if (typeof part === 'function') {
    const wrapped: DynamicFooter = (...args) => mapNode(part(...args), font, walk);
    return wrapped as T;
  }
  return mapNode(part, font, walk) as T;
}

/** `doc` with every text mapped by `map`; the same object when nothing changed. */
export function mapDocumentText<D extends WalkedDocument>(doc: D, map: TextMap): D {
  // pdfmake's own default family is Roboto: text with no font named anywhere is in it.
  const font = doc.defaultStyle?.font ?? 'Roboto';
  const walk: Walk = { map, styles: doc.styles ?? {} };
  const content = mapSame(doc.content, (node) => mapNode(node, font, walk));
  const footer = mapPageContent(doc.footer, font, walk);
  const header = mapPageContent(doc.header, font, walk);
  if (content === doc.content && footer === doc.footer && header === doc.header) return doc;
  const out: D = { ...doc, content };
  if (footer !== undefined) out.footer = footer;
  if (header !== undefined) out.header = header;
  return out;
}
