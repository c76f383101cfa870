/**
 * The clinic's shared records with a queue in front (issue 15: server unreachable). `add` tries
 * the server; when it cannot be reached (server-unreachable.ts) the whole record, with its id,
 * waits on this PC (outbox.ts) and the store knows the server is down: the next packets wait at
 * once, without trying, until a retry gets through. Retries: a timer while anything waits or
 * the server is down (every 15 s), and before each search or status call; one upload run at a
 * time. Each waiting record is added with `add` (idempotent by record id) and its file removed
 * only after the server committed it: a crash in between sends it again and the server keeps
 * it once. Its audit entry (issue-save, issue-print, revise) is written as it reaches the
 * server, with the time it was issued.
 *
 * Everything else needs the server: while it is down those calls fail at once with a plain
 * reason (SharedRecordsUnavailable), never waiting longer than the connect timeout. Started
 * with the server unreachable, the store opens "disconnected" and `onConnected` (start-up's
 * purge, audit.log import and check) runs once when it first connects. A server that answers
 * but refuses this PC (wrong clinic key, newer database) is `refused`: records keep waiting
 * here, and are sent once IT has put it right and the app is started again.
 */
import type { RecordSearchResult } from '../../../core/ipc/contract';
import type { Outbox } from './outbox';
import { recordIdOf } from './record-fields';
import type { RecordStore } from './record-store';
import { isUnreadable } from './record-fields';
import { isServerUnreachable } from './server-unreachable';

/** A shared records call that cannot be made now; the message is plain words for staff. */
export class SharedRecordsUnavailable extends Error {
  override name = 'SharedRecordsUnavailable';
}

export const RETRY_MS = 15_000;

export interface SharedQueueState {
  /** "db.clinic.local:5432". */
  server: string;
  connected: boolean;
  /** Records kept on this PC, not yet on the server. */
  waiting: number;
  /** Why the server refused this PC (plain words), or null. */
  refused: string | null;
}

export interface SharedQueueOptions {
  server: string;
  /** Opens the PostgreSQL store (migrations, key check); rejects when it cannot. */
  connect: () => Promise<RecordStore>;
  /** Why the server refused this PC, in plain words (not for "cannot be reached"). */
  refusal: (error: unknown) => string;
  outbox: Outbox;
  retryMs?: number;
  /** Runs `retry` once after `ms`; returns how to cancel it (tests: by hand). */
  schedule?: (retry: () => void, ms: number) => () => void;
  /** Once, when the server first answers: start-up's steps. Should not reject. */
  onConnected?: (store: RecordStore) => Promise<void>;
  /** Faults by name and record id only. */
  log: (line: string) => void;
}

export interface SharedQueue extends RecordStore {
  /** The first try at start: connected, disconnected (retrying) or refused. Never rejects for the server. */
  start(): Promise<void>;
  /** Sends what waits, when the server answers; one run at a time (a second call joins it). */
  flush(): Promise<void>;
  state(): SharedQueueState;
}

const defaultSchedule = (retry: () => void, ms: number) => {
  const timer = setTimeout(retry, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/** An id no record has: asking for it is the cheapest round trip to the server. */
const PROBE_ID = '0'.repeat(32);

export function createSharedQueue(options: SharedQueueOptions): SharedQueue {
  const { outbox, server, log } = options;
  const schedule = options.schedule ?? defaultSchedule;
  const retryMs = options.retryMs ?? RETRY_MS;
  const downText = `The shared records server ${server} cannot be reached just now, so Past estimates cannot be searched or changed here. Packets can still be issued; they are kept on this computer and shared when it answers.`;
  let inner: RecordStore | null = null;
  let connected = false;
  let refused: string | null = null;
  let waiting = 0;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  let cancelRetry: (() => void) | null = null;
  /** Waiting records that cannot be sent (failed their check, or refused by the server): id -> reference. */
  const stuck = new Map<string, string>();

  const unavailable = () => new SharedRecordsUnavailable(refused ?? downText);
  const retryLater = () => {
    if (closed || refused !== null || cancelRetry !== null) return;
    cancelRetry = schedule(() => {
      cancelRetry = null;
      void flush().catch((error: unknown) => log(`[records] sending waiting records failed: ${error instanceof Error ? error.name : 'error'}`));
    }, retryMs);
  };
  const wentDown = (error: unknown) => {
    if (connected) log(`[records] the shared records server ${server} cannot be reached: ${error instanceof Error ? error.name : 'error'} ${(error as { code?: string }).code ?? ''}`.trimEnd());
    connected = false;
    retryLater();
  };
  const countWaiting = async () => {
    waiting = (await outbox.list()).length;
    return waiting;
  };

  /** Connects once (then `onConnected`); false while the server cannot be reached or refuses. */
  const reach = async (): Promise<RecordStore | null> => {
    if (refused !== null) return null;
    if (inner === null) {
      try {
        inner = await options.connect();
      } catch (error) {
        if (!isServerUnreachable(error)) {
          refused = options.refusal(error);
          log(`[records] the shared records server ${server} refused this computer: ${error instanceof Error ? error.name : 'error'}`);
          return null;
        }
        wentDown(error);
        return null;
      }
      connected = true;
      await options.onConnected?.(inner);
      return inner;
    }
    if (!connected) {
      try {
        await inner.row(PROBE_ID);
      } catch (error) {
        if (!isServerUnreachable(error)) throw error;
        wentDown(error);
        return null;
      }
      connected = true;
    }
    return inner;
  };

  /** One upload run: every waiting record in order, until the server goes away. */
  const upload = async () => {
    const store = await reach();
    if (store === null) return;
    for (const item of await outbox.list()) {
      if (closed) return;
      if (stuck.has(item.id)) continue;
      let kept: Awaited<ReturnType<Outbox['read']>>;
      try {
        kept = await outbox.read(item.id);
      } catch (error) {
        if (!isUnreadable(error)) throw error;
        stuck.set(item.id, item.reference ?? `waiting record ${item.id.slice(0, 8)}`);
        log(`[records] the waiting record ${item.id} failed its check and is kept, not sent: ${error instanceof Error ? error.message : 'error'}`);
        continue;
      }
      try {
        await store.add(kept.record, kept.action);
      } catch (error) {
        if (isServerUnreachable(error)) return wentDown(error);
        stuck.set(item.id, item.reference ?? kept.record.reference);
        log(`[records] the server did not take the waiting record ${item.id}; it is kept on this computer: ${error instanceof Error ? error.name : 'error'}`);
        continue;
      }
      try {
        await outbox.remove(item.id);
      } catch (error) {
        // Sent again next time: the server keeps it once.
        log(`[records] the waiting record ${item.id} was shared but its file could not be removed: ${error instanceof Error ? error.name : 'error'}`);
      }
    }
  };

  function flush(): Promise<void> {
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await upload();
        } while (again && !closed);
      } finally {
        running = null;
        if ((await countWaiting().catch(() => waiting)) > stuck.size || !connected) retryLater();
      }
    })();
    return running;
  }

  /** A call that needs the server: tried once the waiting records are sent; fails plainly while it cannot be reached. */
  const online = async <T>(call: (store: RecordStore) => Promise<T>, tryFirst = false): Promise<T> => {
    if (tryFirst || !connected) await flush();
    if (inner === null || !connected) throw unavailable();
    try {
      return await call(inner);
    } catch (error) {
      if (!isServerUnreachable(error)) throw error;
      wentDown(error);
      throw unavailable();
    }
  };

  return {
    async start() {
      await countWaiting();
      await flush();
    },
    flush,
    state: () => ({ server, connected, waiting, refused }),
    async add(record, action) {
      const withId = { ...record, id: recordIdOf(record) };
      // Behind what already waits (order kept), and straight to the outbox while the server is known down.
      if (inner !== null && connected && waiting === stuck.size && running === null) {
        try {
          return await inner.add(withId, action);
        } catch (error) {
          if (!isServerUnreachable(error)) throw error;
          wentDown(error);
        }
      }
      await outbox.put(withId, action);
      waiting += 1;
      if (connected) void flush().catch(() => undefined);
      else retryLater();
      return withId.id;
    },
    search: (query, limit): Promise<RecordSearchResult> => online((s) => s.search(query, limit), true),
    open: (id) => online((s) => s.open(id)),
    row: (id) => online((s) => s.row(id)),
    setBills: (id, bills, actor) => online((s) => s.setBills(id, bills, actor)),
    delete: (id, actor) => online((s) => s.delete(id, actor)),
    audit: (action, reference, actor, at) => online((s) => s.audit(action, reference, actor, at)),
    auditMany: (entries) => online((s) => s.auditMany(entries)),
    purgeOlderThan: (before, actor) => online((s) => s.purgeOlderThan(before, actor)),
    auditEntries: () => online((s) => s.auditEntries()),
    verifyAudit: () => online((s) => s.verifyAudit()),
    async unreadable() {
      return [...(inner === null ? [] : await inner.unreadable()), ...stuck.values()];
    },
    async close() {
      closed = true;
      cancelRetry?.();
      cancelRetry = null;
      await running?.catch(() => undefined);
      await inner?.close();
    },
  };
}
