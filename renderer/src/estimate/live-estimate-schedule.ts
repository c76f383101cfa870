/**
 * When the live estimate asks the engine: a short pause after the last keystroke, so typing
 * a figure does not ask once per digit, yet the summary follows within about 120 ms
 * (issue 14: the debounce is at most 100 ms).
 */
export const LIVE_ESTIMATE_DEBOUNCE_MS = 100;

/** Run `compute` once the pause has passed; the returned function cancels it (next keystroke, unmount). */
export function scheduleLiveEstimate(compute: () => void): () => void {
  const timer = setTimeout(compute, LIVE_ESTIMATE_DEBOUNCE_MS);
  return () => clearTimeout(timer);
}
