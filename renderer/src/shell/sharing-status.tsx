/**
 * The header's note while packets issued here wait to reach the clinic's shared records server
 * ("1 record waiting to be shared"); nothing when none wait, or on a PC with its own records.
 * A polite live region, so a screen reader hears it come and go. With shared records it asks
 * the main side every few seconds (each ask also tries the server and sends what waits) and
 * right after a packet is issued; with this PC's own records it asks once.
 */
import { useEffect, useState } from 'react';
import { onPacketIssued } from '../lib/packet-issued';
import { waitingToShare } from '../records/record-format';

export const SHARED_STATUS_POLL_MS = 4_000;

export function SharingStatus() {
  const [waiting, setWaiting] = useState(0);

  useEffect(() => {
    let live = true;
    let shared = false;
    let timer: number | undefined;
    let asking = false;
    const ask = async () => {
      if (asking) return;
      asking = true;
      const r = await window.clinic.records.status();
      asking = false;
      if (!live) return;
      shared = r.ok && r.value.shared !== null;
      setWaiting(r.ok && r.value.shared !== null ? r.value.shared.waiting : 0);
      window.clearTimeout(timer);
      // The next ask is timed from this answer, so a slow server never piles asks up.
      if (shared) timer = window.setTimeout(() => void ask(), SHARED_STATUS_POLL_MS);
    };
    void ask();
    const off = onPacketIssued(() => {
      if (shared) void ask();
    });
    return () => {
      live = false;
      window.clearTimeout(timer);
      off();
    };
  }, []);

  return (
    <p className="app-header__sharing" role="status">
      {waitingToShare(waiting)}
    </p>
  );
}
