/**
 * Records: search time over 100,000 sealed records once the store is open (target: a search
 * answers in under 100 ms), the time to open them (each index decrypted once), and the store's
 * size per record with a real packet PDF. Invented patients only; written to a temp folder.
 */
import { statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSealer } from '../../electron/services/records/seal';
import { openRecordStore } from '../../electron/services/records/record-store';
import { createPacketService } from '../../electron/services/packet-service';
import * as fx from '../../electron/services/testing/packet-fixtures';
import { benchRecord as record } from './bench-records';
import { median, type BenchMeasurement, type BenchSection } from './bench-types';

const COUNT = 100_000;

async function run(): Promise<BenchMeasurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'records-bench-'));
  const sealer = createSealer(Buffer.alloc(32, 9));
  try {
    // 100,000 records with a small stand-in PDF, through the store's own sealing (no fsync: a throwaway store).
    const file = join(dir, 'records.db');
    const writer = openRecordStore({ file, sealer, durable: false });
    const small = Buffer.from('%PDF-1.7 bench');
    const started = performance.now();
    for (let i = 0; i < COUNT; i += 1) await writer.add(record(i, small), 'issue-save');
    const writeMs = performance.now() - started;
    await writer.close();
    const opening = performance.now();
    const store = openRecordStore({ file, sealer });
    const openMs = performance.now() - opening;
    const queries = ['okafor12', 'peña', 'VP-20261115', '1951-03-11', '03/11/1951', 'zzz-no-match', 'ana', 'mei lin'];
    const runs: number[] = [];
    for (let r = 0; r < 7; r += 1) {
      const t = performance.now();
      for (const q of queries) await store.search(q);
      runs.push((performance.now() - t) / queries.length);
    }
    await store.close();
    const searchMs = median(runs);

    // Size per record with a real packet PDF (200 records).
    const real = join(dir, 'real.db');
    const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
    const built = await service.build({ ...fx.estimateCase(fx.insuredCase), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE });
    if (!built.ok) throw new Error(built.error.message);
    const sized = openRecordStore({ file: real, sealer });
    for (let i = 0; i < 200; i += 1) await sized.add(record(i, built.value.pdf), 'issue-save');
    await sized.close();
    const bytes = statSync(real).size + (statSync(`${real}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    return [
      {
        name: `record search over ${COUNT.toLocaleString('en-US')} records (name part, reference, date of birth, date issued)`,
        perSecond: 1000 / searchMs,
        runsPerSecond: runs.map((ms) => 1000 / ms),
        targetPerSecond: 10,
        note: `median ${searchMs.toFixed(1)} ms per search (target < 100 ms); opening the store (each index decrypted once) ${Math.round(openMs)} ms; writing ${COUNT.toLocaleString('en-US')} records ${Math.round(writeMs / 1000)} s`,
      },
      {
        name: 'store size per record, with a real 12-page packet PDF',
        perSecond: 0,
        runsPerSecond: [0],
        note: `${Math.round(bytes / 200 / 1024)} KB per record (the PDF is ${Math.round(built.value.pdf.byteLength / 1024)} KB)`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const recordsBenchSection: BenchSection = { title: 'Records (SQLite, sealed, one core)', run };
