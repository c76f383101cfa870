/**
 * The part of pdfmake 0.3's server API this project calls (the package ships no types).
 * Document definitions are typed by core/packet/pdfmake-types.ts.
 */
declare module 'pdfmake' {
  import type { TDocumentDefinitions } from '../../core/packet/pdfmake-types';

  export interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }

  export interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }

  export interface PdfMake {
    virtualfs: {
      existsSync(name: string): boolean;
      writeFileSync(name: string, content: Buffer): void;
    };
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(doc: TDocumentDefinitions): OutputDocument;
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}
