/**
 * The packet worker's entry (a node:worker_threads thread, the same in Electron's main process
 * and in plain Node): loads pdfmake and the fonts once, at start, then renders packets for
 * the main thread, which stays free for the window (issue 14). Built to out/main/packet-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createInProcessPacketRenderer } from '../packet-renderer';
import { serveRequests } from './worker-protocol';

if (parentPort === null) throw new Error('packet-worker runs as a worker thread');
const { fontsDir } = workerData as { fontsDir: string };
const renderer = createInProcessPacketRenderer(fontsDir);
serveRequests(parentPort, renderer);
// Warm at start: the first request then finds pdfmake and the fonts loaded. A failure here
// shows again, by name, on the first request.
renderer.prepare().catch(() => undefined);
