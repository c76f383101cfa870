/**
 * The messages between the packet worker and the thread that asks it for packets, and the
 * worker's side of them: requests are answered one at a time, in order (pdfmake is one
 * module-wide instance). A failure is answered with the error's name only: its message may
 * quote patient data.
 */
import type { MessagePort } from 'node:worker_threads';
import type { PacketInput } from '../../../core/packet/build-packet';
import type { PacketRenderer } from '../packet-renderer';

export type WorkerRequest =
  | { id: number; op: 'render'; input: PacketInput }
  | { id: number; op: 'unprintable'; texts: readonly string[] }
  | { id: number; op: 'prepare' };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; errorName: string };

/** The worker side: every request through `renderer`, one after another. */
export function serveRequests(port: Pick<MessagePort, 'on' | 'postMessage'>, renderer: PacketRenderer): void {
  let chain: Promise<void> = Promise.resolve();
  const answer = async (request: WorkerRequest): Promise<void> => {
    try {
      if (request.op === 'render') {
        const pdf = await renderer.render(request.input);
        // The PDF's memory moves to the asking thread instead of being copied.
        const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : pdf.slice();
        port.postMessage({ id: request.id, ok: true, value: own } satisfies WorkerReply, [own.buffer as ArrayBuffer]);
      } else if (request.op === 'unprintable') {
        port.postMessage({ id: request.id, ok: true, value: await renderer.unprintable(request.texts) } satisfies WorkerReply);
      } else {
        await renderer.prepare();
        port.postMessage({ id: request.id, ok: true, value: null } satisfies WorkerReply);
      }
    } catch (error) {
      port.postMessage({ id: request.id, ok: false, errorName: error instanceof Error ? error.name : 'Error' } satisfies WorkerReply);
    }
  };
  port.on('message', (request: WorkerRequest) => {
    chain = chain.then(() => answer(request));
  });
}
