/**
 * `window.clinic`: the small domain API the renderer sees. Built from the contract by the
 * preload (over Electron IPC) and by the browser-preview bridge (over loopback HTTP); the
 * renderer cannot tell them apart and never sees a channel name.
 */
import type { Invoke, RequestOf, ResponseOf, Subscribe, Events } from './contract';
import type { Result } from '../result';

type Call<C extends Parameters<Invoke>[0]> = (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
type Query<C extends Parameters<Invoke>[0]> = () => Promise<Result<ResponseOf<C>>>;

export interface ClinicApi {
  settings: {
    get: Query<'settings:get'>;
    update: Call<'settings:update'>;
    /** Read a settings file that could not be read at start-up again (Try again). */
    retryRead: Query<'settings:retry-read'>;
    onChanged: (listener: (settings: Events['settings:changed']) => void) => () => void;
  };
  procedures: { list: Query<'procedures:list'> };
  fees: { get: Query<'fees:get'> };
  medicare: { rates: Call<'medicare:rates'> };
  estimate: { compute: Call<'estimate:compute'> };
  packet: {
    preview: Call<'packet:preview'>;
    print: Call<'packet:print'>;
    savePdf: Call<'packet:save-pdf'>;
  };
  config: {
    export: Query<'config:export'>;
    importPreview: Call<'config:import-preview'>;
    importApply: Call<'config:import-apply'>;
  };
  records: {
    status: Query<'records:status'>;
    search: Call<'records:search'>;
    reprint: Call<'records:reprint'>;
    saveAgain: Call<'records:save-again'>;
    revise: Call<'records:revise'>;
    delete: Call<'records:delete'>;
    setBills: Call<'records:set-bills'>;
  };
  sharing: {
    get: Query<'shared-records:get'>;
    save: Call<'shared-records:save'>;
    importKey: Call<'shared-records:import-key'>;
    createKey: Query<'shared-records:create-key'>;
    setPassword: Call<'shared-records:set-password'>;
  };
  draft: {
    get: Query<'draft:get'>;
    save: Call<'draft:save'>;
    clear: Query<'draft:clear'>;
  };
  privacy: {
    /** The OS locked the screen or is going to sleep: cover patient data. */
    onOsLocked: (listener: (signal: Events['privacy:os-locked']) => void) => () => void;
  };
}

/**
 * Every call resolves, never rejects: a transport failure (IPC torn down, preview server
 * gone) becomes a typed error the screen can show, so no button is left waiting forever.
 */
function neverRejecting(invoke: Invoke): Invoke {
  return (channel, request) =>
    invoke(channel, request).catch(() => ({
      ok: false as const,
      error: { code: 'internal' as const, message: 'The app did not answer. Your details are kept; please try again.', issues: [] },
    }));
}

export function createClinicApi(transport: Invoke, subscribe: Subscribe): ClinicApi {
  const invoke = neverRejecting(transport);
  return {
    settings: {
      get: () => invoke('settings:get', undefined),
      update: (patch) => invoke('settings:update', patch),
      retryRead: () => invoke('settings:retry-read', undefined),
      onChanged: (listener) => subscribe('settings:changed', listener),
    },
    procedures: { list: () => invoke('procedures:list', undefined) },
    fees: { get: () => invoke('fees:get', undefined) },
    medicare: { rates: (request) => invoke('medicare:rates', request) },
    estimate: { compute: (input) => invoke('estimate:compute', input) },
    packet: {
      preview: (input) => invoke('packet:preview', input),
      print: (input) => invoke('packet:print', input),
      savePdf: (input) => invoke('packet:save-pdf', input),
    },
    config: {
      export: () => invoke('config:export', undefined),
      importPreview: (request) => invoke('config:import-preview', request),
      importApply: (request) => invoke('config:import-apply', request),
    },
    records: {
      status: () => invoke('records:status', undefined),
      search: (request) => invoke('records:search', request),
      reprint: (request) => invoke('records:reprint', request),
      saveAgain: (request) => invoke('records:save-again', request),
      revise: (request) => invoke('records:revise', request),
      delete: (request) => invoke('records:delete', request),
      setBills: (request) => invoke('records:set-bills', request),
    },
    sharing: {
      get: () => invoke('shared-records:get', undefined),
      save: (request) => invoke('shared-records:save', request),
      importKey: (request) => invoke('shared-records:import-key', request),
      createKey: () => invoke('shared-records:create-key', undefined),
      setPassword: (request) => invoke('shared-records:set-password', request),
    },
    draft: {
      get: () => invoke('draft:get', undefined),
      save: (draft) => invoke('draft:save', draft),
      clear: () => invoke('draft:clear', undefined),
    },
    privacy: { onOsLocked: (listener) => subscribe('privacy:os-locked', listener) },
  } satisfies ClinicApi;
}
