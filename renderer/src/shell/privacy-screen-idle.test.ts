import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleWatch, movedPointer } from './privacy-screen-idle';

const minutes = (n: number) => n * 60_000;

describe('idle watch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls back once the idle time passes without use, not before', () => {
    const onIdle = vi.fn();
    createIdleWatch(minutes(5), onIdle);
    vi.advanceTimersByTime(minutes(5) - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('use starts the idle time again', () => {
    const onIdle = vi.fn();
    const watch = createIdleWatch(minutes(5), onIdle);
    vi.advanceTimersByTime(minutes(4));
    watch.activity();
    vi.advanceTimersByTime(minutes(4));
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(minutes(1));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('keeps one timer however often the app is used', () => {
    const watch = createIdleWatch(minutes(5), vi.fn());
    for (let i = 0; i < 1000; i += 1) watch.activity();
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stops', () => {
    const onIdle = vi.fn();
    createIdleWatch(minutes(1), onIdle).stop();
    vi.advanceTimersByTime(minutes(10));
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a pointer "move" that did not move is not use', () => {
    expect(movedPointer(null, { screenX: 10, screenY: 20 })).toBe(true);
    expect(movedPointer({ x: 10, y: 20 }, { screenX: 10, screenY: 20 })).toBe(false);
    expect(movedPointer({ x: 10, y: 20 }, { screenX: 11, screenY: 20 })).toBe(true);
  });
});
