/**
 * The preload: exposes `window.clinic`, the small domain API built from the contract.
 * No ipcRenderer, no generic invoke(channel), no process: only the named calls.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createClinicApi, type ClinicApi } from '../../core/ipc/api';
import type { Invoke, Subscribe } from '../../core/ipc/contract';

const invoke: Invoke = (channel, request) => ipcRenderer.invoke(channel, request);

const subscribe: Subscribe = (event, listener) => {
  const handler = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
  ipcRenderer.on(event, handler);
  return () => {
    ipcRenderer.removeListener(event, handler);
  };
};

const clinic = createClinicApi(invoke, subscribe) satisfies ClinicApi;

contextBridge.exposeInMainWorld('clinic', clinic);
