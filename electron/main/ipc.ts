/**
 * Registers one ipcMain handler per contract channel. Each checks the sender frame is the
 * app's own page before dispatching (which parses the input with the contract's schema).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, type EventName, type Events } from '../../core/ipc/contract';
import { fail } from '../../core/result';
import { dispatch, type Handlers, type SafeLog } from '../services/ipc-dispatch';
import { isTrustedSenderFrame, type UrlPolicyOptions } from './security-policy';

function isTrustedSender(event: IpcMainInvokeEvent, options: UrlPolicyOptions): boolean {
  const frame = event.senderFrame;
  return isTrustedSenderFrame(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null, options);
}

export function registerIpc(handlers: Handlers, options: UrlPolicyOptions, log: SafeLog): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, raw: unknown) => {
      if (!isTrustedSender(event, options)) {
        return fail('untrusted-sender', 'This request did not come from the app window.');
      }
      return dispatch(handlers, channel, raw, log);
    });
  }
}

export function sendEvent<E extends EventName>(contents: WebContents | undefined, event: E, payload: Events[E]): void {
  if (contents && !contents.isDestroyed()) contents.send(event, payload);
}
