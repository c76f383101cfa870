/** The part of PDFKit (a dependency of pdfmake, no bundled types) the benchmark calls. */
declare module 'pdfkit' {
  interface PdfKitOptions {
    size?: string;
    margins?: { top: number; bottom: number; left: number; right: number };
    info?: Record<string, string | Date>;
    compress?: boolean;
  }
  class PDFDocument {
    constructor(options?: PdfKitOptions);
    registerFont(name: string, source: Buffer): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, options?: { lineGap?: number; paragraphGap?: number }): this;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    end(): void;
  }
  export default PDFDocument;
}
