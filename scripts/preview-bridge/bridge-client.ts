/**
 * Browser-preview bridge (development and testing only, never packaged): builds the same
 * `window.clinic` as the preload, over loopback HTTP to the real handlers in Node.
 */
import { createClinicApi } from '../../core/ipc/api';
import type { Channel, EventName, Events, RequestOf, ResponseOf, Subscribe } from '../../core/ipc/contract';
import type { Result } from '../../core/result';

async function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const response = await fetch(`/__clinic/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ request: request ?? null }),
  });
  return (await response.json()) as Result<ResponseOf<C>>;
}

/** One event stream per subscription, naming its event (the server counts who listens, for tests). */
const subscribe: Subscribe = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => {
  const source = new EventSource(`/__clinic/events?event=${encodeURIComponent(event)}`);
  const handler = (message: MessageEvent) => listener(JSON.parse(String(message.data)) as Events[E]);
  source.addEventListener(event, handler);
  return () => {
    source.removeEventListener(event, handler);
    source.close();
  };
};

window.clinic = createClinicApi(invoke, subscribe);
