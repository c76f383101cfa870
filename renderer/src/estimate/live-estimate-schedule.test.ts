import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_ESTIMATE_DEBOUNCE_MS, scheduleLiveEstimate } from './live-estimate-schedule';

// Issue 14 item 6: the live estimate within about 120 ms of a keystroke (debounce about 100 ms).
describe('scheduleLiveEstimate', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks for the estimate 100 ms after the last keystroke, not before, and only once', () => {
    vi.useFakeTimers();
    const compute = vi.fn();
    let cancel = scheduleLiveEstimate(compute);
    vi.advanceTimersByTime(60);
    cancel(); // the next keystroke replaces the pending question
    cancel = scheduleLiveEstimate(compute);
    vi.advanceTimersByTime(99);
    expect(compute).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(LIVE_ESTIMATE_DEBOUNCE_MS).toBeLessThanOrEqual(100);
  });

  it('never asks once cancelled (the form changed or the screen closed)', () => {
    vi.useFakeTimers();
    const compute = vi.fn();
    const cancel = scheduleLiveEstimate(compute);
    cancel();
    vi.advanceTimersByTime(1_000);
    expect(compute).not.toHaveBeenCalled();
  });
});
