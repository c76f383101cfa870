/**
 * Records waiting to be shared: a packet issued while the clinic's server could not be reached
 * (or refused this PC) is kept here, in the data folder's `outbox/`, until shared-queue.ts has
 * it on the server. One file per record, named by its id (`<id>.json`: no patient data in the
 * name), written durably (fsync, then an atomic rename). The whole record is sealed with the
 * clinic key's sealer (AES-256-GCM, the record id and "outbox" as additional data: a file
 * renamed to another id fails its check); only what the server keeps plain anyway is plain in
 * the file: the reference, the clinic key's id and the order the records were issued in.
 *
 * A file that fails its check (damaged, changed, or sealed with another clinic key) is
 * reported and left as it is: never sent, never deleted.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { syncFolder, writeFileDurable } from '../atomic-write';
import type { AuditActionName } from './audit-chain';
import type { NewRecord } from './record-store';
import { SealBroken, type Sealer } from './seal';

/** One waiting record as listed: what can be known without opening it. */
export interface WaitingRecord {
  id: string;
  /** null when even the file's plain part cannot be read. */
  reference: string | null;
  order: number;
}

export interface Outbox {
  /** Keeps the record (with its id) until it is on the server; resolves once it is on the disk. */
  put(record: NewRecord & { id: string }, action: AuditActionName): Promise<void>;
  /** Waiting records, in the order they were issued. */
  list(): Promise<WaitingRecord[]>;
  /** Rejects with SealBroken when the file fails its check. */
  read(id: string): Promise<{ record: NewRecord & { id: string }; action: AuditActionName }>;
  /** Call only once the server has committed the record. */
  remove(id: string): Promise<void>;
}

const FILE = /^([0-9a-f]{32})\.json$/;
const FIELD = 'outbox';

const header = z.object({ v: z.literal(1), keyId: z.string(), order: z.number().int(), reference: z.string(), sealed: z.string() });
const body = z.object({ action: z.string(), record: z.record(z.string(), z.unknown()) });

export function openOutbox(options: { dir: string; sealer: Sealer; keyId: string }): Outbox {
  const { dir, sealer, keyId } = options;
  const file = (id: string) => join(dir, `${id}.json`);
  let lastOrder = 0;
  const readHeader = async (id: string) => header.parse(JSON.parse(await readFile(file(id), 'utf8')));

  return {
    async put(record, action) {
      // Later than every record this PC kept before (the clock may be turned back: never earlier).
      lastOrder = Math.max(Date.now() * 1000, lastOrder + 1);
      const plain = Buffer.from(JSON.stringify({ action, record: { ...record, pdf: Buffer.from(record.pdf).toString('base64') } }), 'utf8');
      const sealed = sealer.seal(record.id, FIELD, plain).toString('base64');
      await writeFileDurable(file(record.id), JSON.stringify({ v: 1, keyId, order: lastOrder, reference: record.reference, sealed }), 0o600);
    },
    async list() {
      const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[];
        throw error;
      });
      const waiting: WaitingRecord[] = [];
      for (const name of names) {
        const id = FILE.exec(name)?.[1];
        if (id === undefined) continue;
        try {
          const { reference, order } = await readHeader(id);
          waiting.push({ id, reference, order });
          lastOrder = Math.max(lastOrder, order);
        } catch {
          waiting.push({ id, reference: null, order: Number.MAX_SAFE_INTEGER });
        }
      }
      return waiting.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
    },
    async read(id) {
      let kept: z.infer<typeof header>;
      try {
        kept = await readHeader(id);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
        throw new SealBroken('waiting record file is not readable');
      }
      if (kept.keyId !== keyId) throw new SealBroken(`waiting record was sealed with clinic key ${kept.keyId}`);
      const opened = body.safeParse(JSON.parse(sealer.open(id, FIELD, Buffer.from(kept.sealed, 'base64')).toString('utf8')));
      if (!opened.success) throw new SealBroken('waiting record is not a record');
      const { pdf, ...rest } = opened.data.record as Record<string, unknown> & { pdf: string };
      const record = { ...rest, id, pdf: Buffer.from(pdf, 'base64') } as unknown as NewRecord & { id: string };
      return { record, action: opened.data.action as AuditActionName };
    },
    async remove(id) {
      await rm(file(id), { force: true });
      await syncFolder(dir);
    },
  };
}
