import { describe, expect, it } from 'vitest';
import { createClinicApi } from './api';
import type { Invoke, Subscribe } from './contract';

const noEvents: Subscribe = () => () => undefined;

describe('createClinicApi', () => {
  it('turns a failed transport into a typed error instead of a rejected promise', async () => {
    const broken: Invoke = () => Promise.reject(new Error('connection lost'));
    const api = createClinicApi(broken, noEvents);
    const result = await api.estimate.compute({} as never);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/did not answer/), issues: [] } });
  });

  it('passes answers through unchanged', async () => {
    const seen: string[] = [];
    const echo: Invoke = (channel) => {
      seen.push(channel);
      return Promise.resolve({ ok: true, value: null } as never);
    };
    const api = createClinicApi(echo, noEvents);
    expect(await api.draft.clear()).toEqual({ ok: true, value: null });
    expect(seen).toEqual(['draft:clear']);
  });
});
