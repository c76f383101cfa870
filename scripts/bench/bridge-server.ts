/**
 * Run by main-thread-bench.ts in its own process (as the app's main process is apart from
 * its window): `tsx bridge-server.ts <dataDir> worker|thread` starts the preview server (the
 * app's handlers) and answers over the IPC channel: {url} once listening; 'start' begins
 * watching this process's event loop (monitorEventLoopDelay) and memory; 'stop' answers
 * {longestBlockMs, p99Ms, peakRss, rssBefore}; 'close' stops the server and exits.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startPreviewServer } from '../preview-bridge/server';

const [dataDir, mode] = process.argv.slice(2);
if (dataDir === undefined || process.send === undefined) throw new Error('usage: tsx bridge-server.ts <dataDir> worker|thread (forked, with an IPC channel)');
const send = process.send.bind(process);
const server = await startPreviewServer({ port: 0, dataDir, appRoot: fileURLToPath(new URL('../..', import.meta.url)), packetsInThisThread: mode === 'thread' });
let delay: ReturnType<typeof monitorEventLoopDelay> | null = null;
let sampler: NodeJS.Timeout | null = null;
let rssBefore = 0;
let peakRss = 0;
process.on('message', (message) => {
  if (message === 'start') {
    rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 10);
    delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
  } else if (message === 'stop' && delay !== null) {
    delay.disable();
    if (sampler !== null) clearInterval(sampler);
    send({ longestBlockMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, peakRss: Math.max(peakRss, process.memoryUsage().rss), rssBefore });
  } else if (message === 'close') {
    void server.close().then(() => process.exit(0));
  }
});
send({ url: server.url });
