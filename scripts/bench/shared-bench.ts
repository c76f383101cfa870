/**
 * Shared records on PostgreSQL (issue 15's load test): six clients (six store instances, each its
 * own pool, as six front-desk PCs with the same clinic key) issue 200 records each at once, one
 * after another per client: 1,200 records, unique references, one unbroken audit chain. Then the
 * database is filled to 200,000 records and a fresh client times search (target: under 200 ms).
 * Invented patients only (bench-records.ts); a throwaway server and database (bench-pg-server.ts).
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createBlindIndex } from '../../electron/services/records/blind-index';
import { newClinicKey, recordsKeys } from '../../electron/services/records/clinic-key';
import { insertRecordRow, openPgRecordStore, SEARCH_COUNT_LIMIT } from '../../electron/services/records/pg-record-store';
import { inOneTransaction } from '../../electron/services/records/pg-schema';
import { recordIdOf } from '../../electron/services/records/record-fields';
import type { NewRecord, RecordStore } from '../../electron/services/records/record-store';
import { createSealer } from '../../electron/services/records/seal';
import { benchDatabase } from './bench-pg-server';
import { benchRecord } from './bench-records';
import { median, ms, percentile, type BenchFigure, type BenchSection } from './bench-types';

const CLIENTS = 6;
const PER_CLIENT = 200;
const TOTAL = 200_000;
/** Records per fill transaction, and fill transactions at once (two cores: the server and this process). */
const FILL_BATCH = 500;
const FILL_WRITERS = 3;
const REPEATS = 7;
const count = new Intl.NumberFormat('en-US');
const pdf = Buffer.from('%PDF-1.7 bench');

/** What a front desk types, with what the 200,000 invented records say it must find. */
const searches: { kind: string; query: string; finds: (r: NewRecord) => boolean }[] = [
  // A name part is also the beginning of longer ones ("okafor1999" finds Okafor19990 to Okafor19999), so the one patient is one no other name begins with.
  { kind: 'whole name part (one patient)', query: 'okafor199900', finds: (r) => r.patientName.endsWith(' Okafor199900') },
  { kind: 'common first name (first 200 shown)', query: 'rosa', finds: (r) => r.patientName.startsWith('Rosa ') },
  { kind: '4-letter name prefix', query: 'whit', finds: (r) => r.patientName.includes(' Whitfield') },
  { kind: 'first name and 3-letter prefix', query: 'mei lin', finds: (r) => r.patientName.startsWith('Mei Lin') },
  { kind: 'reference prefix', query: 'VP-20261115', finds: (r) => r.reference.startsWith('VP-20261115') },
  { kind: 'date of birth, ISO', query: '1951-03-11', finds: (r) => r.dateOfBirth === '1951-03-11' },
  { kind: 'date of birth, US', query: '03/11/1951', finds: (r) => r.dateOfBirth === '1951-03-11' },
  { kind: 'no match', query: 'zzz-no-match', finds: () => false },
];

const rate = (n: number, millis: number) => `${count.format(Math.round((n / millis) * 1000))} records/s`;
const seconds = (millis: number) => `${(millis / 1000).toFixed(1)} s`;

/** Six PCs at once, each issuing its 200 records one after another. */
async function sixClients(clients: readonly RecordStore[], url: string): Promise<BenchFigure[]> {
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (store, c) => {
      for (let k = 0; k < PER_CLIENT; k += 1) {
        await store.add(benchRecord(c * PER_CLIENT + k, pdf), 'issue-save').catch((error: unknown) => failures.push(error instanceof Error ? error.name : 'error'));
      }
    }),
  );
  const took = performance.now() - started;
  const expected = CLIENTS * PER_CLIENT;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const { rows } = await db.query<{ records: number; references: number }>('SELECT count(*)::int AS records, count(DISTINCT reference)::int AS "references" FROM records');
  await db.end();
  const stored = rows[0] ?? { records: 0, references: 0 };
  const chain = await clients[0]?.verifyAudit();
  const entries = (await clients[1]?.auditEntries())?.length ?? 0;
  const recordsMet = failures.length === 0 && stored.records === expected && stored.references === expected;
  const chainMet = chain === null && entries === expected;
  const failed = failures.length === 0 ? '' : `; ${failures.length} adds failed (${[...new Set(failures)].join(', ')})`;
  return [
    {
      name: `${CLIENTS} clients issuing ${PER_CLIENT} records each at once`,
      text: `${count.format(stored.records)} records, ${count.format(stored.references)} unique references${failed}; ${seconds(took)} (${rate(expected, took)})`,
      target: { text: `${count.format(expected)} records, all references unique`, met: recordsMet },
      summary: `Shared records, ${CLIENTS} clients x ${PER_CLIENT} at once: ${count.format(stored.records)} records, ${recordsMet ? 'references unique' : 'NOT as expected'}, ${seconds(took)} (${rate(expected, took)})`,
    },
    {
      name: 'audit chain after the six clients',
      text: `${chain === null ? 'one unbroken chain' : `broken (${chain ?? 'not checked'})`} of ${count.format(entries)} entries`,
      target: { text: `verifyAudit() null, ${count.format(expected)} entries`, met: chainMet },
      summary: `Shared records audit chain: ${chainMet ? 'unbroken' : 'NOT as expected'}, ${count.format(entries)} entries`,
    },
  ];
}

/**
 * Fills the database to TOTAL records: rows written by the store's own row code (insertRecordRow:
 * sealed fields, real blind-index terms), FILL_BATCH a transaction, FILL_WRITERS at once. No
 * audit entries (search never reads them; the six clients measured the chain, and appending
 * 200,000 entries one by one would double the fill). Then VACUUM ANALYZE, as autovacuum would
 * in time on the clinic's server: the planner knows the table and the GIN index's pending
 * entries are merged, so search is timed on a settled database.
 */
async function fill(url: string, clinicKey: ReturnType<typeof recordsKeys>, from: number): Promise<{ fillMs: number; vacuumMs: number }> {
  const sealer = createSealer(clinicKey.sealingKey);
  const blind = createBlindIndex(clinicKey.blindIndexKey);
  const pool = new pg.Pool({ connectionString: url, max: FILL_WRITERS });
  let next = from;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: FILL_WRITERS }, async () => {
        while (next < TOTAL) {
          const first = next;
          next = Math.min(TOTAL, next + FILL_BATCH);
          const batch = Array.from({ length: next - first }, (_, k) => benchRecord(first + k, pdf));
          await inOneTransaction(pool, async (client) => {
            for (const record of batch) await insertRecordRow(client, sealer, blind, recordIdOf(record), record);
          });
        }
      }),
    );
    const fillMs = performance.now() - started;
    const vacuuming = performance.now();
    await pool.query('VACUUM ANALYZE records');
    return { fillMs, vacuumMs: performance.now() - vacuuming };
  } finally {
    await pool.end();
  }
}

/**
 * Each query REPEATS times, interleaved, checked against what it must find; before them one
 * untimed pass from the fresh client, reported on its own: right after the bulk fill the
 * server's cache does not yet hold the pages a search reads (a clinic's server in daily use does).
 */
async function timeSearches(store: RecordStore): Promise<BenchFigure[]> {
  const cold: number[] = [];
  for (const { query } of searches) {
    const t = performance.now();
    await store.search(query);
    cold.push(performance.now() - t);
  }
  const times = searches.map(() => [] as number[]);
  const found = searches.map(() => ({ counted: 0, atLeast: false }));
  for (let r = 0; r < REPEATS; r += 1) {
    for (const [s, { query }] of searches.entries()) {
      const t = performance.now();
      const result = await store.search(query);
      times[s]?.push(performance.now() - t);
      found[s] = { counted: result.rows.length + result.more, atLeast: result.moreAtLeast === true };
    }
  }
  const all = times.flat();
  const p95 = percentile(all, 95);
  const expected = searches.map(() => 0);
  for (let k = 0; k < TOTAL; k += 1) {
    const record = benchRecord(k, pdf);
    for (const [s, { finds }] of searches.entries()) if (finds(record)) expected[s] = (expected[s] ?? 0) + 1;
  }
  // A broad search counts up to SEARCH_COUNT_LIMIT matches, then says "more than".
  const right = (i: number) => {
    const want = expected[i] ?? 0;
    const got = found[i] ?? { counted: 0, atLeast: false };
    return got.atLeast ? want > SEARCH_COUNT_LIMIT && got.counted === SEARCH_COUNT_LIMIT : got.counted === want;
  };
  const wrong = searches.filter((_, i) => !right(i));
  const foundText = (i: number) => `${found[i]?.atLeast === true ? 'more than ' : ''}${count.format(found[i]?.counted ?? 0)} found`;
  const perKind: BenchFigure[] = searches.map((s, i) => ({
    name: `  "${s.query}" (${s.kind}): ${foundText(i)}`,
    text: `${ms(median(times[i] ?? []))} median, ${ms(percentile(times[i] ?? [], 95))} p95`,
    target: { text: '< 200 ms', met: percentile(times[i] ?? [], 95) < 200 },
  }));
  return [
    {
      name: `search over ${count.format(TOTAL)} records, a fresh client (${searches.length} queries x ${REPEATS})`,
      text: `${ms(median(all))} median, ${ms(p95)} p95; results ${wrong.length === 0 ? 'as expected' : `NOT as expected for ${wrong.map((s) => `"${s.query}"`).join(', ')}`}`,
      target: { text: 'p95 < 200 ms, results as expected', met: p95 < 200 && wrong.length === 0 },
      summary: `Shared records search over ${count.format(TOTAL)}: ${ms(median(all))} median, ${ms(p95)} p95 (target 200 ms)`,
    },
    ...perKind,
    {
      name: '  first pass from the fresh client, right after the fill (cache cold; untimed above)',
      text: `${ms(median(cold))} median, ${ms(Math.max(...cold))} slowest (${searches[cold.indexOf(Math.max(...cold))]?.query ?? ''})`,
      summary: `Shared records search, first pass after the fill (cache cold): ${ms(median(cold))} median, ${ms(Math.max(...cold))} slowest`,
    },
  ];
}

async function run(): Promise<BenchFigure[]> {
  const database = await benchDatabase(process.env);
  if ('unavailable' in database) {
    console.log(`  could not run: ${database.unavailable}`);
    return [{ name: 'shared records', text: `not run: ${database.unavailable}`, summary: `Shared records: not run (${database.unavailable})` }];
  }
  const clinicKey = recordsKeys(newClinicKey().key);
  const open = () => openPgRecordStore({ connection: { connectionString: database.url }, sealer: createSealer(clinicKey.sealingKey), blindIndexKey: clinicKey.blindIndexKey });
  const clients: RecordStore[] = [];
  try {
    // Six PCs starting at once on a new database: one applies the migrations, the others wait.
    clients.push(...(await Promise.all(Array.from({ length: CLIENTS }, open))));
    const figures = await sixClients(clients, database.url);
    await Promise.all(clients.splice(0).map((c) => c.close()));
    const { fillMs, vacuumMs } = await fill(database.url, clinicKey, CLIENTS * PER_CLIENT);
    const fresh = await open();
    clients.push(fresh);
    figures.push(
      {
        name: `filling to ${count.format(TOTAL)} records (sealed rows, real blind indexes; ${FILL_WRITERS} writers, ${FILL_BATCH} a transaction)`,
        text: `${seconds(fillMs)} (${rate(TOTAL - CLIENTS * PER_CLIENT, fillMs)}), then VACUUM ANALYZE ${seconds(vacuumMs)}`,
        summary: `Shared records fill to ${count.format(TOTAL)}: ${seconds(fillMs)} (${rate(TOTAL - CLIENTS * PER_CLIENT, fillMs)})`,
      },
      ...(await timeSearches(fresh)),
    );
    return figures;
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await database.close();
  }
}

export const sharedBenchSection: BenchSection = { title: 'Shared records (PostgreSQL, six clients, sealed)', run };
