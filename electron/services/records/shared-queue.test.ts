/**
 * The shared store with its outbox, against a real PostgreSQL server taken away and brought back
 * (a TCP proxy in front of it: testing/tcp-proxy.ts). A packet issued while the server cannot be
 * reached is kept on this PC, sealed, and uploaded once when it answers: never twice, never lost.
 */
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { openOutbox, type Outbox } from './outbox';
import { openPgRecordStore } from './pg-record-store';
import type { RecordStore } from './record-store';
import { createSealer } from './seal';
import { createSharedQueue, type SharedQueueOptions } from './shared-queue';
import { pgTestDatabase } from './testing/pg-test-suite';
import { startTcpProxy } from './testing/tcp-proxy';
import { record, testKey } from './testing/record-store-suite';

const SERVER = '127.0.0.1:5432';
/** The app's limit is longer (shared-records.ts QUERY_TIMEOUT_MS); the behaviour is the same. */
const QUERY_TIMEOUT_MS = 1_000;
const down = /The shared records server 127\.0\.0\.1:5432 cannot be reached just now.*Packets can still be issued; they are kept on this computer and shared when it answers\./;

const db = pgTestDatabase('shared records queue (PostgreSQL)', process.env);
if (db !== null) {
  /** A PC's shared store through a proxy the test can stop and start; retries only when the test says. */
  const desk = async (extra: Partial<SharedQueueOptions> = {}, outboxDir = mkdtempSync(join(tmpdir(), 'clinic-outbox-')), connection: pg.PoolConfig = {}) => {
    const location = await db().location();
    const target = new URL(db().url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port));
    const config: pg.PoolConfig = { ...location.config, connectionString: proxy.url(db().url), connectionTimeoutMillis: 2_000, ...connection };
    const sealer = createSealer(testKey);
    const adds: string[] = [];
    const connect = async (): Promise<RecordStore> => {
      const store = await openPgRecordStore({ connection: config, sealer, blindIndexKey: testKey });
      return { ...store, add: (r, action) => (adds.push(r.reference), store.add(r, action)) };
    };
    const retries: (() => void)[] = [];
    const logs: string[] = [];
    const outbox = extra.outbox ?? openOutbox({ dir: outboxDir, sealer, keyId: 'test-key' });
    const queue = createSharedQueue({
      server: SERVER,
      connect,
      refusal: () => 'refused',
      outbox,
      schedule: (run) => {
        retries.push(run);
        return () => undefined;
      },
      log: (line) => logs.push(line),
      ...extra,
    });
    return { location, proxy, queue, outbox, outboxDir, adds, retries, logs };
  };
  const files = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.'));

  describe('shared records queue (PostgreSQL)', () => {
    it('keeps a packet issued while the server is down on this PC, sealed, and uploads it once when the server answers', async () => {
      const pc = await desk();
      await pc.queue.start();
      expect(pc.queue.state()).toEqual({ server: SERVER, connected: true, waiting: 0, refused: null });
      await pc.proxy.stop();

      const issued = record('Hortensia Vavasour', '2026-11-02T15:04:05.000Z', { reference: 'VP-20261102-HVAV1' });
      const started = Date.now();
      const id = await pc.queue.add(issued, 'issue-print');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(pc.queue.state()).toMatchObject({ connected: false, waiting: 1 });
      // One file, named by the record's id only; nothing of the patient readable in it.
      expect(files(pc.outboxDir)).toEqual([`${id}.json`]);
      const bytes = readFileSync(join(pc.outboxDir, `${id}.json`));
      for (const secret of ['Hortensia', 'Vavasour', '1948-03-04', '%PDF']) expect(bytes.includes(secret), secret).toBe(false);
      // Known down: the next packet waits at once, without trying the server again.
      const second = await pc.queue.add(record('Ambrose Quillfeather', '2026-11-02T15:06:00.000Z', { reference: 'VP-20261102-AQUI1' }), 'issue-save');
      expect(pc.adds).toEqual(['VP-20261102-HVAV1']);
      expect(pc.queue.state().waiting).toBe(2);
      await expect(pc.queue.search('vavasour')).rejects.toThrow(down);
      expect(pc.retries.length).toBeGreaterThan(0);

      await pc.proxy.start();
      pc.retries.at(-1)?.();
      await pc.queue.flush();
      expect(pc.queue.state()).toMatchObject({ connected: true, waiting: 0 });
      expect(files(pc.outboxDir)).toEqual([]);
      expect((await pc.queue.search('vavasour')).rows.map((r) => [r.id, r.reference])).toEqual([[id, 'VP-20261102-HVAV1']]);
      expect((await pc.queue.row(second))?.reference).toBe('VP-20261102-AQUI1');
      const entries = await pc.queue.auditEntries();
      expect(entries.map((e) => [e.action, e.reference, e.at])).toEqual([
        ['issue-print', 'VP-20261102-HVAV1', '2026-11-02T15:04:05.000Z'],
        ['issue-save', 'VP-20261102-AQUI1', '2026-11-02T15:06:00.000Z'],
      ]);
      expect(await pc.queue.verifyAudit()).toBeNull();
      // Another flush sends nothing again.
      await pc.queue.flush();
      expect(await pc.queue.auditEntries()).toHaveLength(2);
      expect(pc.logs.join('\n')).not.toMatch(/Hortensia|Vavasour|Ambrose/);
      await pc.queue.close();
    });

    it('a server that stops answering without closing anything: the packet waits once the query time limit passes (not for ever) and goes up once when it answers', async () => {
      const pc = await desk({}, undefined, { query_timeout: QUERY_TIMEOUT_MS });
      await pc.queue.start();
      pc.proxy.hang();
      const issued = record('Leopoldina Wexcombe', '2026-11-02T16:00:00.000Z', { reference: 'VP-20261102-LWEX1' });
      const id = await pc.queue.add(issued, 'issue-save');
      expect(pc.queue.state()).toMatchObject({ connected: false, waiting: 1 });
      await expect(pc.queue.search('wexcombe')).rejects.toThrow(down);

      pc.proxy.resume();
      await pc.queue.flush();
      expect(pc.queue.state()).toMatchObject({ connected: true, waiting: 0 });
      expect((await pc.queue.search('wexcombe')).rows.map((r) => r.id)).toEqual([id]);
      expect((await pc.queue.auditEntries()).filter((e) => e.reference === 'VP-20261102-LWEX1')).toHaveLength(1);
      expect(await pc.queue.verifyAudit()).toBeNull();
      await pc.queue.close();
    }, 30_000);

    it('a crash between the server’s commit and the file’s removal sends the record again, and the server keeps it once', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'clinic-outbox-'));
      const sealer = createSealer(testKey);
      const real = openOutbox({ dir, sealer, keyId: 'test-key' });
      const crashing: Outbox = { ...real, remove: async () => Promise.reject(new Error('the PC lost power')) };
      const first = await desk({ outbox: crashing }, dir);
      await first.queue.start();
      await first.proxy.stop();
      const id = await first.queue.add(record('Leocadia Thistlewood', '2026-11-03T09:00:00.000Z', { reference: 'VP-20261103-LTHI1' }), 'issue-save');
      await first.proxy.start();
      await first.queue.flush();
      // Committed on the server, but the file is still here (its removal never happened).
      expect(files(dir)).toEqual([`${id}.json`]);
      expect(first.logs.join('\n')).toContain(`${id} was shared but its file could not be removed`);
      await first.queue.close();

      // The app starts again: the same outbox, the same server.
      const again = createSharedQueue({
        server: SERVER,
        connect: () => openPgRecordStore({ connection: { ...first.location.config, connectionString: first.proxy.url(db().url) }, sealer, blindIndexKey: testKey }),
        refusal: () => 'refused',
        outbox: openOutbox({ dir, sealer, keyId: 'test-key' }),
        schedule: () => () => undefined,
        log: () => undefined,
      });
      await again.start();
      await again.flush();
      expect(files(dir)).toEqual([]);
      expect((await again.search('thistlewood')).rows.map((r) => r.id)).toEqual([id]);
      expect((await again.auditEntries()).filter((e) => e.reference === 'VP-20261103-LTHI1')).toHaveLength(1);
      expect(await again.verifyAudit()).toBeNull();
      await again.close();
    });

    it('sends records that waited in the order they were issued (a revision after the record it revises)', async () => {
      const pc = await desk();
      await pc.queue.start();
      await pc.proxy.stop();
      const firstId = await pc.queue.add(record('Peregrine Oddfellow', '2026-11-04T10:00:00.000Z', { reference: 'VP-20261104-PODD1' }), 'issue-save');
      await pc.queue.add(record('Peregrine Oddfellow', '2026-11-04T10:05:00.000Z', { reference: 'VP-20261104-PODD2', revises: firstId }), 'revise');
      await pc.proxy.start();
      await pc.queue.flush();
      expect(pc.adds.slice(1)).toEqual(['VP-20261104-PODD1', 'VP-20261104-PODD2']);
      expect((await pc.queue.auditEntries()).map((e) => [e.action, e.reference])).toEqual([
        ['issue-save', 'VP-20261104-PODD1'],
        ['revise', 'VP-20261104-PODD2'],
      ]);
      expect((await pc.queue.search('oddfellow')).rows.map((r) => [r.reference, r.revises, r.revisedBy])).toEqual([
        ['VP-20261104-PODD2', 'VP-20261104-PODD1', null],
        ['VP-20261104-PODD1', null, 'VP-20261104-PODD2'],
      ]);
      await pc.queue.close();
    });

    it('reports a waiting file that fails its seal by reference, and neither uploads nor deletes it', async () => {
      const pc = await desk();
      await pc.queue.start();
      await pc.proxy.stop();
      const damaged = await pc.queue.add(record('Cornelius Wainwright', '2026-11-05T10:00:00.000Z', { reference: 'VP-20261105-CWAI1' }), 'issue-save');
      const sound = await pc.queue.add(record('Eudora Pettigrew', '2026-11-05T10:01:00.000Z', { reference: 'VP-20261105-EPET1' }), 'issue-save');
      const file = join(pc.outboxDir, `${damaged}.json`);
      const kept = JSON.parse(readFileSync(file, 'utf8')) as { sealed: string };
      const sealed = Buffer.from(kept.sealed, 'base64');
      sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
      writeFileSync(file, JSON.stringify({ ...kept, sealed: sealed.toString('base64') }));
      const tampered = readFileSync(file);

      await pc.proxy.start();
      await pc.queue.flush();
      expect(files(pc.outboxDir)).toEqual([`${damaged}.json`]);
      expect(readFileSync(file).equals(tampered)).toBe(true);
      expect((await pc.queue.search('')).rows.map((r) => r.id)).toEqual([sound]);
      expect(await pc.queue.unreadable()).toEqual(['VP-20261105-CWAI1']);
      expect(pc.queue.state()).toMatchObject({ connected: true, waiting: 1 });
      expect(pc.logs.join('\n')).toContain(damaged);
      expect(pc.logs.join('\n')).not.toMatch(/Cornelius|Wainwright/);
      // Tried again later: still there, still not sent.
      await pc.queue.flush();
      expect(files(pc.outboxDir)).toEqual([`${damaged}.json`]);
      await pc.queue.close();
    });

    it('starting with the server unreachable: packets wait, and once it answers the start-up steps run once and they are uploaded', async () => {
      const connected: RecordStore[] = [];
      const pc = await desk({ onConnected: async (store) => void connected.push(store) });
      await pc.proxy.stop();
      await pc.queue.start();
      expect(pc.queue.state()).toEqual({ server: SERVER, connected: false, waiting: 0, refused: null });
      await expect(pc.queue.auditEntries()).rejects.toThrow(down);
      expect(await pc.queue.unreadable()).toEqual([]);
      const id = await pc.queue.add(record('Theodora Blackwood', '2026-11-06T10:00:00.000Z', { reference: 'VP-20261106-TBLA1' }), 'issue-print');
      expect(pc.queue.state()).toMatchObject({ connected: false, waiting: 1 });
      await pc.queue.flush();
      expect(connected).toHaveLength(0);

      await pc.proxy.start();
      await Promise.all([pc.queue.flush(), pc.queue.flush()]);
      expect(connected).toHaveLength(1);
      expect(pc.queue.state()).toMatchObject({ connected: true, waiting: 0 });
      expect((await pc.queue.row(id))?.reference).toBe('VP-20261106-TBLA1');
      await pc.queue.flush();
      expect(connected).toHaveLength(1);
      await pc.queue.close();
    });

    it('the server gone mid-search says so plainly, then the next packet waits on this PC', async () => {
      const pc = await desk();
      await pc.queue.start();
      await pc.queue.add(record('Wilhelmina Crabtree', '2026-11-07T10:00:00.000Z', { reference: 'VP-20261107-WCRA1' }), 'issue-save');
      expect(pc.queue.state().waiting).toBe(0);
      await pc.proxy.stop();
      await expect(pc.queue.search('crabtree')).rejects.toThrow(down);
      expect(pc.queue.state().connected).toBe(false);
      await pc.queue.add(record('Wilhelmina Crabtree', '2026-11-07T11:00:00.000Z', { reference: 'VP-20261107-WCRA2' }), 'issue-save');
      expect(pc.adds).toEqual(['VP-20261107-WCRA1']);
      expect(pc.queue.state().waiting).toBe(1);
      await pc.proxy.start();
      expect((await pc.queue.search('crabtree')).rows.map((r) => r.reference)).toEqual(['VP-20261107-WCRA2', 'VP-20261107-WCRA1']);
      await pc.queue.close();
    });
  });
}
