/**
 * The worker client (worker-client.ts) with a stand-in worker: answers in order, a crash
 * fails only the request it was on and a new worker answers the next, a hang is stopped
 * after the timeout, a failure comes back by name, and close() fails what was waiting.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerClient, WorkerFailed, WorkerStopped, type WorkerClient } from './worker-client';

const fixture = new URL('./testing/fixture-worker.mjs', import.meta.url);
let client: WorkerClient | null = null;
let spawned = 0;

function open(timeoutMs = 30_000): WorkerClient {
  client = createWorkerClient(() => {
    spawned += 1;
    return new Worker(fixture);
  }, { timeoutMs });
  return client;
}

const render = (c: WorkerClient, input: Record<string, unknown>) => c.request({ op: 'render', input: input as never }) as Promise<{ text: string; threadId: number }>;

afterEach(async () => {
  await client?.close();
  client = null;
  spawned = 0;
});

describe('the worker client', () => {
  it('answers queued requests in order, from one persistent worker', async () => {
    const c = open();
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((text) => render(c, { text })));
    expect(answers.map((a) => a.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(1);
    expect(spawned).toBe(1);
  });

  it('a crash fails the request it was on with WorkerStopped, and a new worker answers the rest', async () => {
    const c = open();
    const before = await render(c, { text: 'first' });
    const [crashed, after] = await Promise.allSettled([render(c, { crash: true }), render(c, { text: 'after' })]);
    expect(crashed.status).toBe('rejected');
    const error = (crashed as PromiseRejectedResult).reason as unknown;
    expect(error).toBeInstanceOf(WorkerStopped);
    expect((error as WorkerStopped).reason).toBe('crashed');
    expect(after.status).toBe('fulfilled');
    const answered = (after as PromiseFulfilledResult<{ text: string; threadId: number }>).value;
    expect(answered.text).toBe('after');
    expect(answered.threadId).not.toBe(before.threadId);
    expect(c.restarts()).toBe(1);
  });

  it('a worker that never answers is stopped after the timeout: WorkerStopped, then the next request is answered', async () => {
    const c = open(300);
    const hung = render(c, { hang: true });
    const next = render(c, { text: 'next' });
    await expect(hung).rejects.toMatchObject({ name: 'WorkerStopped', reason: 'timed-out' });
    await expect(next).resolves.toMatchObject({ text: 'next' });
    expect(spawned).toBe(2);
  });

  it('a failure in the worker comes back by the error name only', async () => {
    const c = open();
    const failed = render(c, { fail: true });
    await expect(failed).rejects.toBeInstanceOf(WorkerFailed);
    await expect(failed).rejects.toMatchObject({ name: 'RangeError' });
    await expect(render(c, { text: 'still here' })).resolves.toMatchObject({ text: 'still here' });
  });

  it('a request that cannot be sent (not plain data) fails alone; the next is answered', async () => {
    const c = open();
    await expect(render(c, { text: 'x', notData: () => 1 })).rejects.toMatchObject({ name: 'DataCloneError' });
    await expect(render(c, { text: 'next' })).resolves.toMatchObject({ text: 'next' });
  });

  it('close() fails what was waiting with WorkerStopped("closed"); a later request starts a worker again', async () => {
    const c = open();
    const waiting = Promise.allSettled([render(c, { hang: true }), render(c, { text: 'queued' })]);
    await c.close();
    for (const result of await waiting) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toMatchObject({ name: 'WorkerStopped', reason: 'closed' });
    }
    await expect(render(c, { text: 'again' })).resolves.toMatchObject({ text: 'again' });
    expect(spawned).toBe(2);
  });
});
