/**
 * Every IPC call goes through here: the channel must be known, the request is parsed with
 * the contract's schema (input is untrusted), and a thrown error becomes a typed error the
 * UI can show. Shared by Electron's ipcMain and the browser-preview bridge.
 */
import { channels, isChannel, type Channel, type ResponseOf } from '../../core/ipc/contract';
import { fail, toFieldIssues, type Result } from '../../core/result';
import type { z } from 'zod';

export type ParsedRequest<C extends Channel> = z.output<(typeof channels)[C]['request']>;

export type Handlers = {
  [C in Channel]: (request: ParsedRequest<C>) => Promise<Result<ResponseOf<C>>>;
};

/** Logs without patient data: the channel and the error's class name only. */
export type SafeLog = (message: string) => void;

export async function dispatch(handlers: Handlers, channel: unknown, raw: unknown, log: SafeLog): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('not-found', 'That action is not available.');
  return dispatchKnown(handlers, channel, raw, log);
}

async function dispatchKnown<C extends Channel>(handlers: Handlers, channel: C, raw: unknown, log: SafeLog): Promise<Result<unknown>> {
  const parsed = channels[channel].request.safeParse(raw);
  if (!parsed.success) {
    return fail('invalid-input', 'Some details need fixing.', toFieldIssues(parsed.error.issues));
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<Result<ResponseOf<C>>>;
    return await handler(parsed.data);
  } catch (error) {
    log(`[ipc] ${channel} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    return fail('internal', 'Something went wrong. Your details are kept; please try again.');
  }
}
