/**
 * The asking side of a worker thread: one persistent worker, requests queued and sent one at
 * a time, each answered or failed, never left hanging. A worker that dies (a crash, running
 * out of memory) fails the request it was on with `WorkerStopped` and a new worker takes the
 * queue; one that does not answer within `timeoutMs` is stopped the same way. While idle the
 * worker does not keep the process alive.
 */
import type { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/** The request was not answered: the worker stopped (`crashed`), took too long (`timed-out`), or was closed. */
export class WorkerStopped extends Error {
  override readonly name = 'WorkerStopped';
  constructor(readonly reason: 'crashed' | 'timed-out' | 'closed') {
    super(`the worker ${reason === 'crashed' ? 'stopped' : reason === 'timed-out' ? 'took too long' : 'was closed'}`);
  }
}

/** The worker answered that the request failed; `name` is the error's name there. */
export class WorkerFailed extends Error {
  constructor(readonly failedWith: string) {
    super(`the worker failed (${failedWith})`);
    this.name = failedWith;
  }
}

export interface WorkerClient {
  request(message: Request): Promise<unknown>;
  /** Workers started again after one stopped. */
  restarts(): number;
  /** Stops the worker; queued requests fail with WorkerStopped('closed'). A later request starts a new one. */
  close(): Promise<void>;
}

interface Job {
  message: Request;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A worker that dies sooner than this after starting is not started again until the next request (no crash loop). */
const SHORTEST_USEFUL_LIFE_MS = 1000;

export function createWorkerClient(spawn: () => Worker, options: { timeoutMs: number; log?: (line: string) => void }): WorkerClient {
  let worker: Worker | null = null;
  let startedAt = 0;
  let current: (Job & { id: number; timer: NodeJS.Timeout }) | null = null;
  const queue: Job[] = [];
  let nextId = 1;
  let restarts = 0;

  const finish = (outcome: { value: unknown } | { error: Error }): void => {
    const job = current;
    if (job === null) return;
    current = null;
    clearTimeout(job.timer);
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome.value);
    pump();
  };

  // A worker stopped on purpose (timed out, closed) is forgotten first, so nothing it still
  // sends counts and its exit is not taken for a crash.
  const start = (): Worker => {
    const started = spawn();
    started.unref();
    startedAt = Date.now();
    started.on('message', (reply: WorkerReply) => {
      if (started !== worker || current === null || reply.id !== current.id) return;
      finish(reply.ok ? { value: reply.value } : { error: new WorkerFailed(reply.errorName) });
    });
    // 'error' (an uncaught exception there) is always followed by 'exit'.
    started.on('error', (error) => options.log?.(`[packet-worker] stopped: ${error.name}`));
    started.on('exit', () => {
      if (started !== worker) return;
      worker = null;
      restarts += 1;
      options.log?.('[packet-worker] the worker stopped; starting a new one');
      finish({ error: new WorkerStopped('crashed') });
      // Started again at once (warm for the next packet), unless it died straight after starting.
      if (worker === null && Date.now() - startedAt >= SHORTEST_USEFUL_LIFE_MS) worker = start();
    });
    return started;
  };

  const timedOut = (target: Worker): void => {
    if (target !== worker) return;
    worker = null;
    void target.terminate();
    finish({ error: new WorkerStopped('timed-out') });
  };

  function pump(): void {
    if (current !== null) return;
    const job = queue.shift();
    if (job === undefined) {
      worker?.unref();
      return;
    }
    worker ??= start();
    worker.ref();
    const id = nextId++;
    const target = worker;
    const timer = setTimeout(() => timedOut(target), options.timeoutMs);
    current = { ...job, id, timer };
    try {
      target.postMessage({ ...job.message, id });
    } catch (error) {
      // A request that cannot be sent (not plain data) fails alone; the queue goes on.
      finish({ error: error instanceof Error ? error : new Error('the request could not be sent') });
    }
  }

  return {
    request: (message) =>
      new Promise((resolve, reject) => {
        queue.push({ message, resolve, reject });
        pump();
      }),
    restarts: () => restarts,
    async close() {
      for (const job of queue.splice(0)) job.reject(new WorkerStopped('closed'));
      const target = worker;
      if (current !== null) {
        clearTimeout(current.timer);
        const job = current;
        current = null;
        job.reject(new WorkerStopped('closed'));
      }
      worker = null;
      if (target !== null) await target.terminate();
    },
  };
}
