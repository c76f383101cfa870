/**
 * The packet renderer the app uses: the PacketRenderer interface over one persistent packet
 * worker (packet-worker.ts), started by the first request (the app's warm-up at start), which
 * loads pdfmake and the fonts off the main thread. A packet that the worker cannot answer (it crashed, or took longer than
 * `timeoutMs`) is failed with WorkerStopped, and a new worker takes the next one.
 */
import { Worker } from 'node:worker_threads';
import type { PacketRenderer } from '../packet-renderer';
import { createWorkerClient } from './worker-client';

export interface WorkerEntry {
  /** The worker's script. */
  url: URL;
  /** Node options for the worker (undefined: the parent's). */
  execArgv?: string[];
}

/** Where this file's own folder is (a variable, so no bundler rewrites it as an asset). */
const here = import.meta.url;
const besideThisFile = (name: string): URL => new URL(name, here);

/**
 * The worker's script when running from source (the preview under tsx, tests under Vitest):
 * the TypeScript entry, loaded through tsx. The built app names its own (out/main/packet-worker.js).
 */
export function sourceWorkerEntry(): WorkerEntry {
  const tsxLoaded = process.execArgv.some((arg) => arg.includes('tsx'));
  return { url: besideThisFile('./packet-worker.ts'), ...(tsxLoaded ? {} : { execArgv: [...process.execArgv, '--import', 'tsx'] }) };
}

/** A packet's worst case here is about a second; a minute means the worker is stuck. */
export const PACKET_TIMEOUT_MS = 60_000;

export function createWorkerPacketRenderer(options: { fontsDir: string; entry?: WorkerEntry; timeoutMs?: number; log?: (line: string) => void }): PacketRenderer & { restarts(): number } {
  const entry = options.entry ?? sourceWorkerEntry();
  const spawn = () =>
    new Worker(entry.url, {
      workerData: { fontsDir: options.fontsDir },
      ...(entry.execArgv === undefined ? {} : { execArgv: entry.execArgv }),
      // A runaway packet stops this worker, not the app.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
  const client = createWorkerClient(spawn, { timeoutMs: options.timeoutMs ?? PACKET_TIMEOUT_MS, ...(options.log === undefined ? {} : { log: options.log }) });
  return {
    unprintable: async (texts) => (await client.request({ op: 'unprintable', texts })) as string[][],
    render: async (input) => (await client.request({ op: 'render', input })) as Uint8Array,
    prepare: async () => {
      await client.request({ op: 'prepare' });
    },
    close: () => client.close(),
    restarts: () => client.restarts(),
  };
}
