/**
 * Every IPC call goes through here: the channel must be known, the middleware runs (the
 * sender check, once, for every channel), the request is parsed with the contract's schema
 * (input is untrusted), and a thrown error becomes a typed error the UI can show. Shared by
 * Electron's ipcMain and the browser-preview bridge. Plain Node: no Electron.
 */
import type { z } from 'zod';
import { channels, isChannel, type Channel, type ResponseOf } from '../../core/ipc/contract';
import { fail, toFieldIssues, type Result } from '../../core/result';
import { describeDataWriteError, isWriteFailure } from '../services/atomic-write';

export type ParsedRequest<C extends Channel> = z.output<(typeof channels)[C]['request']>;

export type Handler<C extends Channel> = (request: ParsedRequest<C>) => Promise<Result<ResponseOf<C>>>;

/** Every channel's handler: a missing channel is a compile error where the map is built. */
export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers one feature module provides. */
export type FeatureHandlers<C extends Channel> = { [K in C]: Handler<K> };

/** Logs without patient data: the channel and the error's class name only. */
export type SafeLog = (message: string) => void;

/** Who sent a call: the frame's URL and whether it is the top frame (null when unknown). */
export interface SenderInfo {
  url: string;
  isTopFrame: boolean;
}

export interface IpcCall {
  channel: Channel;
  raw: unknown;
  sender: SenderInfo | null;
}

/** Runs before the handler; returns a result to stop the call, or calls next(). */
export type Middleware = (call: IpcCall, next: () => Promise<Result<unknown>>) => Promise<Result<unknown>>;

/** The sender check: refuses any call whose frame is not the app's own page. */
export function requireTrustedSender(isTrusted: (sender: SenderInfo | null) => boolean): Middleware {
  return (call, next) => (isTrusted(call.sender) ? next() : Promise.resolve(fail('untrusted-sender', 'This request did not come from the app window.')));
}

export type Dispatch = (channel: unknown, raw: unknown, sender: SenderInfo | null) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers, options: { middleware: readonly Middleware[]; log: SafeLog }): Dispatch {
  const run = async <C extends Channel>(channel: C, raw: unknown): Promise<Result<unknown>> => {
    const parsed = channels[channel].request.safeParse(raw);
    if (!parsed.success) return fail('invalid-input', 'Some details need fixing.', toFieldIssues(parsed.error.issues));
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<Result<ResponseOf<C>>>;
      return await handler(parsed.data);
    } catch (error) {
      options.log(`[ipc] ${channel} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      // A write the handler did not expect to fail (full disk, read-only folder): said as such.
      if (isWriteFailure(error)) return fail('write-failed', describeDataWriteError(error, 'Your change could not be saved'));
      return fail('internal', 'Something went wrong. Your details are kept; please try again.');
    }
  };
  return async (channel, raw, sender) => {
    if (!isChannel(channel)) return fail('not-found', 'That action is not available.');
    const call: IpcCall = { channel, raw, sender };
    const chain = options.middleware.reduceRight<() => Promise<Result<unknown>>>(
      (next, middleware) => () => middleware(call, next),
      () => run(channel, raw),
    );
    try {
      return await chain();
    } catch (error) {
      options.log(`[ipc] ${channel} middleware failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      return fail('internal', 'Something went wrong. Your details are kept; please try again.');
    }
  };
}
