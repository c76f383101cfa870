/**
 * Packets made in the packet worker (the app's way) are the very bytes made in this thread,
 * the worker's font check answers the same, and a worker that stops on a packet gives staff
 * the typed 'pdf-failed' answer (never a hang) while the next packet is made.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPacketService, WORKER_STOPPED_MESSAGE } from '../packet-service';
import { createInProcessPacketRenderer, type PacketRenderer } from '../packet-renderer';
import * as fx from '../testing/packet-fixtures';
import { createWorkerPacketRenderer } from './worker-packet-renderer';
import { WorkerStopped } from './worker-client';

const worker = createWorkerPacketRenderer({ fontsDir: fx.fontsDir });
afterAll(() => worker.close());

const serviceWith = (renderer?: PacketRenderer) => createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog(), ...(renderer ? { renderer } : {}) });
const inputOf = (raw: unknown) => ({ ...fx.estimateCase(raw), clinic: fx.clinic, otherProviders: fx.otherProviders, preparedDate: fx.PREPARED_DATE });

describe('the packet worker', () => {
  it('makes the same bytes as this thread, for packets asked for at the same time', async () => {
    const cases = [fx.insuredCase, fx.spanishCase, fx.largePrintCase, fx.uninsuredCase];
    const inWorker = serviceWith(worker);
    // One service per packet, so its own one-build-per-patient reuse never answers.
    const fromWorker = await Promise.all(cases.map((raw) => serviceWith(worker).build(inputOf(raw))));
    const here = serviceWith();
    for (const [i, raw] of cases.entries()) {
      const local = await here.build(inputOf(raw));
      const remote = fromWorker[i];
      if (!local.ok || remote === undefined || !remote.ok) throw new Error('both builds must succeed');
      expect(Buffer.from(remote.value.pdf).equals(Buffer.from(local.value.pdf)), `packet ${i}`).toBe(true);
      expect(remote.value.reference).toBe(local.value.reference);
    }
    expect((await inWorker.build(inputOf(fx.insuredCase))).ok).toBe(true);
    expect(worker.restarts()).toBe(0);
  }, 120_000);

  it('names unprintable characters as this thread does', async () => {
    const texts = ['Ana 😀 López', 'فاطمة الزهراء', 'Thumbs 👍🏽', 'Margaret Okafor'];
    expect(await worker.unprintable(texts)).toEqual(await createInProcessPacketRenderer(fx.fontsDir).unprintable(texts));
    const refused = await serviceWith(worker).build(inputOf({ ...fx.insuredCase, patient: { ...fx.insuredCase.patient, firstName: 'Ana 😀' } }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.issues?.[0]?.path).toBe('patient.firstName');
  }, 60_000);

  it('a packet the worker stopped on is answered with pdf-failed and a plain message; the next one is made', async () => {
    let calls = 0;
    const flaky: PacketRenderer = {
      ...worker,
      render: (input) => (++calls === 1 ? Promise.reject(new WorkerStopped('crashed')) : worker.render(input)),
    };
    const service = serviceWith(flaky);
    const first = await service.build(inputOf(fx.insuredCase));
    expect(first.ok).toBe(false);
    if (!first.ok) {
      expect(first.error.code).toBe('pdf-failed');
      expect(first.error.message).toBe(WORKER_STOPPED_MESSAGE);
    }
    expect((await service.build(inputOf(fx.insuredCase))).ok).toBe(true);
  }, 60_000);
});
