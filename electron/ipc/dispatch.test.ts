import { describe, expect, it } from 'vitest';
import { channelNames, type Channel } from '../../core/ipc/contract';
import { ok, type Result } from '../../core/result';
import { createDispatcher, requireTrustedSender, type Handlers, type Middleware } from './dispatch';

/** Handlers that answer with their channel's name, counting calls. */
function echoHandlers(calls: Channel[]): Handlers {
  return Object.fromEntries(
    channelNames.map((channel) => [channel, async () => (calls.push(channel), ok(channel))]),
  ) as unknown as Handlers;
}

const app = { url: 'app://bundle/index.html', isTopFrame: true };
const trusted = requireTrustedSender((sender) => sender !== null && sender.url.startsWith('app://bundle/') && sender.isTopFrame);

describe('dispatch middleware', () => {
  it('runs the sender check once, before every channel, and refuses strangers without calling the handler', async () => {
    const calls: Channel[] = [];
    const checked: string[] = [];
    const counting: Middleware = (call, next) => (checked.push(call.channel), next());
    const dispatch = createDispatcher(echoHandlers(calls), { middleware: [counting, trusted], log: () => undefined });
    for (const channel of channelNames) {
      const stranger = await dispatch(channel, undefined, { url: 'https://evil.example/', isTopFrame: true });
      expect(stranger).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      const framed = await dispatch(channel, undefined, { ...app, isTopFrame: false });
      expect(framed).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      expect(await dispatch(channel, undefined, null)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
    expect(calls).toEqual([]);
    expect(checked).toHaveLength(channelNames.length * 3);
  });

  it('passes a trusted call through to its handler, after parsing the request', async () => {
    const calls: Channel[] = [];
    const dispatch = createDispatcher(echoHandlers(calls), { middleware: [trusted], log: () => undefined });
    expect(await dispatch('settings:get', undefined, app)).toEqual({ ok: true, value: 'settings:get' });
    const bad = (await dispatch('draft:save', 'not a draft', app)) as Result<unknown>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual(['settings:get']);
  });

  it('refuses an unknown channel, and turns a throwing handler into a typed error logged without details', async () => {
    const logs: string[] = [];
    const handlers = { ...echoHandlers([]), 'fees:get': async () => Promise.reject(new TypeError('Maria Lopez')) } as Handlers;
    const dispatch = createDispatcher(handlers, { middleware: [trusted], log: (line) => logs.push(line) });
    expect(await dispatch('shell:exec', undefined, app)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('fees:get', undefined, app)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logs).toEqual(['[ipc] fees:get failed: TypeError']);
  });
});

describe('dispatch and a write the handler did not expect to fail', () => {
  it('says the disk is full (write-failed) instead of "Something went wrong", for the real ENOSPC error', async () => {
    const { writeFileSync } = await import('node:fs');
    const writeToFullDisk = async (): Promise<never> => {
      writeFileSync('/dev/full', 'x');
      throw new Error('/dev/full accepted a write');
    };
    const handlers = { ...echoHandlers([]), 'records:set-bills': writeToFullDisk } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, { middleware: [], log: () => undefined });
    const result = await dispatch('records:set-bills', { id: 'a'.repeat(32), bills: [] }, app);
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(!result.ok && result.error.message).toBe('Your change could not be saved: the disk is full. Free some space on this computer (or ask IT), then try again.');
  });
});
