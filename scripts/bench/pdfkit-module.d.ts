/** The part of PDFKit (a dependency of pdfmake, no bundled types) the benchmark calls. */
declare module 'pdfkit' {
  interface PdfKitOptions {
    size?: string;
    margins?: { top: number; bottom: number; left: number; right: number };
    info?: Record<string, string | Date>;
    compress?: boolean;
    /** Keep every page until end() (switchToPage then works on any of them). */
    bufferPages?: boolean;
    autoFirstPage?: boolean;
    lang?: string;
  }
  interface TextOptions {
    lineGap?: number;
    paragraphGap?: number;
    /** false: write the text on one line at (x, y), no wrapping. */
    lineBreak?: boolean;
    characterSpacing?: number;
  }
  interface PdfKitImage {
    width: number;
    height: number;
  }
  class PDFDocument {
    constructor(options?: PdfKitOptions);
    readonly page: { width: number; height: number };
    registerFont(name: string, source: Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    /** The current font's line box at the current size (ascender to descender, no line gap). */
    currentLineHeight(includeGap?: boolean): number;
    widthOfString(text: string, options?: TextOptions): number;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, w: number, h: number): this;
    roundedRect(x: number, y: number, w: number, h: number, r: number): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    fillAndStroke(fill?: string, stroke?: string): this;
    openImage(src: string | Buffer): PdfKitImage;
    image(src: string | Buffer | PdfKitImage, x: number, y: number, options?: { width?: number; height?: number }): this;
    addPage(): this;
    switchToPage(index: number): this;
    bufferedPageRange(): { start: number; count: number };
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    end(): void;
  }
  export default PDFDocument;
}
