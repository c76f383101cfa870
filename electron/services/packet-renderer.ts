/**
 * What the packet service needs done with fonts and pdfmake: which characters of some texts
 * no shipped font prints, and the packet's PDF from its inputs. Both run either here, in the
 * calling thread (the CLI, most tests: `createInProcessPacketRenderer`), or in the packet
 * worker (the app and the preview: packet-worker/worker-packet-renderer.ts), behind this one
 * interface. The document definition is built where the PDF is rendered: it holds functions
 * (footers, table rules) that cannot be sent to another thread; its inputs are plain data.
 */
import { buildPacketDocument, type PacketInput } from '../../core/packet/build-packet';
import { createPdfRenderer } from './pdf-renderer';

export interface PacketRenderer {
  /** For each text, the characters no shipped font prints (each once, in order); [] when all print. */
  unprintable(texts: readonly string[]): Promise<string[][]>;
  /** The packet PDF (deterministic: the same input gives the same bytes). Rejects when it cannot be made. */
  render(input: PacketInput): Promise<Uint8Array>;
  /** Load pdfmake and the fonts now, so the first packet does not wait for them. */
  prepare(): Promise<void>;
  /** Frees what it holds (the worker); later calls start it again. */
  close(): Promise<void>;
}

export function createInProcessPacketRenderer(fontsDir: string): PacketRenderer {
  const pdf = createPdfRenderer(fontsDir);
  return {
    unprintable: (texts) => Promise.resolve(texts.map((text) => pdf.unprintableCharacters(text))),
    render: (input) => pdf.render(buildPacketDocument(input), input.preparedDate),
    prepare: () => pdf.prepare(),
    close: () => Promise.resolve(),
  };
}
