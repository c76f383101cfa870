/**
 * Registers one ipcMain handler per contract channel, all through one dispatcher whose
 * first middleware checks that the sender frame is the app's own page (then the request is
 * parsed with the contract's schema).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, type EventName, type Events } from '../../core/ipc/contract';
import { createDispatcher, requireTrustedSender, type Handlers, type SafeLog, type SenderInfo } from '../ipc/dispatch';
import { isTrustedSenderFrame, type UrlPolicyOptions } from './security-policy';

function senderOf(event: IpcMainInvokeEvent): SenderInfo | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
}

export function registerIpc(handlers: Handlers, options: UrlPolicyOptions, log: SafeLog): void {
  const dispatch = createDispatcher(handlers, { middleware: [requireTrustedSender((sender) => isTrustedSenderFrame(sender, options))], log });
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, raw: unknown) => dispatch(channel, raw, senderOf(event)));
  }
}

export function sendEvent<E extends EventName>(contents: WebContents | undefined, event: E, payload: Events[E]): void {
  if (contents && !contents.isDestroyed()) contents.send(event, payload);
}
