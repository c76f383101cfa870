// A stand-in worker for worker-client.test.ts, speaking the packet worker's protocol:
// { op: 'render', input: { text } } answers the text's bytes; { crash: true } exits the
// thread mid-request; { hang: true } never answers; { fail: true } answers a failure.
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', (request) => {
  const input = request.input ?? {};
  if (input.crash) process.exit(3);
  if (input.hang) return;
  if (input.fail) {
    parentPort.postMessage({ id: request.id, ok: false, errorName: 'RangeError' });
    return;
  }
  parentPort.postMessage({ id: request.id, ok: true, value: { text: input.text, threadId } });
});
