/**
 * When no one has used the app for a while: keyboard, mouse and touch count as use. One timer,
 * re-armed for the time still left, so constant mouse movement costs a timestamp, not a timer.
 */

/** What counts as someone at the PC (listened for on window, in the capture phase). */
export const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export interface IdleWatch {
  /** Someone used the app: start the idle time again. */
  activity(): void;
  stop(): void;
}

/** Calls `onIdle` once `idleMs` pass with no activity (and again after each further `idleMs`). */
export function createIdleWatch(idleMs: number, onIdle: () => void): IdleWatch {
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (delayMs: number): void => {
    timer = setTimeout(check, Math.max(0, delayMs));
  };
  function check(): void {
    const idleFor = Date.now() - lastActivity;
    if (idleFor < idleMs) return arm(idleMs - idleFor);
    lastActivity = Date.now();
    onIdle();
    arm(idleMs);
  }
  arm(idleMs);
  return {
    activity: () => {
      lastActivity = Date.now();
    },
    stop: () => clearTimeout(timer),
  };
}

/**
 * Is this pointer event someone moving the mouse? Chromium also sends a move without movement
 * when the page changes under a still pointer (scrolling, layout): that is not use.
 */
export function movedPointer(last: { x: number; y: number } | null, event: { screenX: number; screenY: number }): boolean {
  return last === null || last.x !== event.screenX || last.y !== event.screenY;
}
