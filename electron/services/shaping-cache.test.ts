/**
 * The shaping cache shared across packets (shaping-cache.ts): the same bytes with and without
 * it, for packets whose words it has and has not seen; it is used (the second packet shapes
 * almost nothing again); it stays within its bound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPacketService } from './packet-service';
import { DEFAULT_SHAPING_CACHE_LIMIT, setShapingCacheLimit, shapingCacheStats } from './shaping-cache';
import * as fx from './testing/packet-fixtures';

const cases = { insured: fx.insuredCase, spanish: fx.spanishCase, large: fx.largePrintCase, uninsured: fx.uninsuredCase } as const;

/** A fresh service each time, so its own one-build-per-patient reuse never answers. */
async function pdfOf(name: keyof typeof cases): Promise<Buffer> {
  const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
  const result = await service.build({ ...fx.estimateCase(cases[name]), clinic: fx.clinic, otherProviders: fx.otherProviders, preparedDate: fx.PREPARED_DATE });
  if (!result.ok) throw new Error(result.error.message);
  return Buffer.from(result.value.pdf);
}

afterEach(() => setShapingCacheLimit(DEFAULT_SHAPING_CACHE_LIMIT));

describe('shaping shared across packets', () => {
  it('gives the same bytes as building without it, whether or not it has seen the words', async () => {
    setShapingCacheLimit(0);
    const without = { insured: await pdfOf('insured'), spanish: await pdfOf('spanish'), large: await pdfOf('large'), uninsured: await pdfOf('uninsured') };
    expect(shapingCacheStats().size).toBe(0);

    setShapingCacheLimit(DEFAULT_SHAPING_CACHE_LIMIT);
    // First sight of every word, then each packet again with every word cached, in another order.
    for (const name of ['insured', 'spanish', 'large', 'uninsured', 'large', 'insured', 'uninsured', 'spanish'] as const) {
      expect((await pdfOf(name)).equals(without[name]), name).toBe(true);
    }
  }, 120_000);

  it('is used: a second packet shapes almost no word again', async () => {
    await pdfOf('insured');
    const before = shapingCacheStats();
    await pdfOf('insured');
    const after = shapingCacheStats();
    expect(before.installed).toBe(true);
    expect(before.size).toBeGreaterThan(500);
    expect(after.misses - before.misses).toBe(0);
    expect(after.hits - before.hits).toBeGreaterThan(500);
  }, 60_000);

  it('stays within its bound and still gives the same bytes', async () => {
    setShapingCacheLimit(0);
    const without = await pdfOf('large');
    setShapingCacheLimit(150);
    for (let i = 0; i < 2; i += 1) {
      expect((await pdfOf('large')).equals(without)).toBe(true);
      expect(shapingCacheStats().size).toBeLessThanOrEqual(150);
    }
    expect(shapingCacheStats().size).toBe(150);
  }, 60_000);
});
