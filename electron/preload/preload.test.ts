import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../core/ipc/contract';

const exposed = new Map<string, unknown>();
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: null }));
const on = vi.fn();
const removeListener = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke, on, removeListener, send: vi.fn(), sendSync: vi.fn() },
}));

/** Every leaf of the exposed object, as "group.call". */
function leaves(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [prefix];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  }
  return [`${prefix}:${typeof value}`];
}

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import('./index');
  });

  it('exposes exactly one global, window.clinic', () => {
    expect([...exposed.keys()]).toEqual(['clinic']);
  });

  it('exposes only named domain calls: no ipcRenderer, no generic invoke, no process', () => {
    const names = leaves(exposed.get('clinic'));
    expect(names.every((name) => /^[a-z]+\.[a-zA-Z]+$/.test(name))).toBe(true);
    expect(names.join(' ')).not.toMatch(/invoke|ipc|send|process|require|on\b/i);
    expect(names).toContain('packet.savePdf');
    expect(names).toContain('settings.get');
  });

  it('has one call per contract channel, each sending on its own channel', async () => {
    const clinic = exposed.get('clinic') as Record<string, Record<string, (arg?: unknown) => Promise<unknown>>>;
    const calls = leaves(clinic).filter((name) => !/\.on[A-Z]\w*$/.test(name));
    expect(calls).toHaveLength(channelNames.length);
    for (const name of calls) {
      const [group, call] = name.split('.') as [string, string];
      await clinic[group]?.[call]?.({ probe: name });
    }
    const used = invoke.mock.calls.map((call) => call[0]);
    expect([...used].sort()).toEqual([...channelNames].sort());
  });

  it('subscriptions return an unsubscribe function that removes the listener', () => {
    const clinic = exposed.get('clinic') as { settings: { onChanged: (listener: () => void) => () => void } };
    const unsubscribe = clinic.settings.onChanged(() => undefined);
    expect(on).toHaveBeenCalledWith('settings:changed', expect.any(Function));
    unsubscribe();
    expect(removeListener).toHaveBeenCalledWith('settings:changed', on.mock.calls.at(-1)?.[1]);
  });

  it("passes main's OS lock signal to the privacy screen's listener, and stops on unsubscribe", () => {
    const clinic = exposed.get('clinic') as { privacy: { onOsLocked: (listener: (signal: unknown) => void) => () => void } };
    const heard: unknown[] = [];
    const unsubscribe = clinic.privacy.onOsLocked((signal) => heard.push(signal));
    const [event, handler] = on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(event).toBe('privacy:os-locked');
    handler({}, { reason: 'suspend' });
    expect(heard).toEqual([{ reason: 'suspend' }]);
    unsubscribe();
    expect(removeListener).toHaveBeenCalledWith('privacy:os-locked', handler);
  });
});
