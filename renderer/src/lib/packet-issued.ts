/**
 * "A packet was just issued" inside the page: the New estimate form says it, the header's
 * count of records waiting to be shared listens (it asks the main side again at once).
 */
const issued = new EventTarget();

export function announcePacketIssued(): void {
  issued.dispatchEvent(new Event('issued'));
}

/** Returns the unsubscribe. */
export function onPacketIssued(listener: () => void): () => void {
  issued.addEventListener('issued', listener);
  return () => issued.removeEventListener('issued', listener);
}
