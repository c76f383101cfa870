/**
 * The small structural subset of pdfmake's document definition this project uses.
 * pdfmake 0.3 ships no type declarations (and @types/pdfmake is not installed), so the
 * packet builder describes the shapes it writes here: plain data, no Node or DOM types,
 * safe for both TypeScript projects.
 */

export type Margins = number | [number, number] | [number, number, number, number];
export type Alignment = 'left' | 'right' | 'center' | 'justify';

export interface StyleProps {
  font?: string;
  fontSize?: number;
  lineHeight?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  fillColor?: string;
  alignment?: Alignment;
  margin?: Margins;
  characterSpacing?: number;
  decoration?: 'underline' | 'lineThrough' | 'overline';
  noWrap?: boolean;
  /** 'break-all': a line may break between any two characters (pdfmake 0.3; used for long unbroken words, core/packet/long-words.ts). */
  wordBreak?: 'normal' | 'break-all';
}

export interface NodeProps extends StyleProps {
  style?: string | string[];
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
  headlineLevel?: number;
  id?: string;
  /** Width inside `columns` (points, 'auto' or '*'). */
  width?: number | string;
}

export interface TextNode extends NodeProps {
  text: string | Inline[];
}

/** An inline run inside a text array. */
export type Inline = string | (StyleProps & { text: string | Inline[]; style?: string | string[] });

export interface StackNode extends NodeProps {
  stack: Content[];
}

export interface ColumnsNode extends NodeProps {
  columns: Content[];
  columnGap?: number;
}

export interface ListNode extends NodeProps {
  ul: Content[];
  markerColor?: string;
}

export interface TableCellProps {
  colSpan?: number;
  rowSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
}

export type TableCell = Content & TableCellProps;

export interface TableLayout {
  hLineWidth?: (rowIndex: number, node: TableLayoutNode) => number;
  vLineWidth?: (columnIndex: number, node: TableLayoutNode) => number;
  hLineColor?: (rowIndex: number, node: TableLayoutNode) => string;
  vLineColor?: (columnIndex: number, node: TableLayoutNode) => string;
  paddingLeft?: (columnIndex: number, node: TableLayoutNode) => number;
  paddingRight?: (columnIndex: number, node: TableLayoutNode) => number;
  paddingTop?: (rowIndex: number, node: TableLayoutNode) => number;
  paddingBottom?: (rowIndex: number, node: TableLayoutNode) => number;
  fillColor?: (rowIndex: number, node: TableLayoutNode) => string | null;
}

/** What pdfmake passes to layout callbacks (only the fields used here). */
export interface TableLayoutNode {
  table: { body: unknown[][]; headerRows?: number; widths?: unknown[] };
}

export interface TableNode extends NodeProps {
  table: {
    widths: (number | string)[];
    body: TableCell[][];
    headerRows?: number;
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
  };
  layout?: string | TableLayout;
}

export interface ImageNode extends NodeProps {
  image: string;
  fit?: [number, number];
}

export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
}

export interface CanvasRect {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  lineWidth?: number;
  lineColor?: string;
  color?: string;
  r?: number;
}

export interface CanvasNode extends NodeProps {
  canvas: (CanvasLine | CanvasRect)[];
}

export type Content = string | TextNode | StackNode | ColumnsNode | ListNode | TableNode | ImageNode | CanvasNode;

export type DynamicFooter = (currentPage: number, pageCount: number) => Content;

export interface DocumentInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  creationDate?: Date;
  modDate?: Date;
}

export interface TDocumentDefinitions {
  content: Content[];
  pageSize?: 'LETTER' | 'A4';
  pageMargins?: [number, number, number, number];
  defaultStyle?: StyleProps;
  styles?: Record<string, StyleProps>;
  footer?: DynamicFooter;
  info?: DocumentInfo;
  language?: string;
  images?: Record<string, string>;
  compress?: boolean;
  version?: '1.3' | '1.4' | '1.5' | '1.6' | '1.7';
}
