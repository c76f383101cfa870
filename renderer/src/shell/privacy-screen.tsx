/**
 * The privacy screen: after the idle time in Settings → Records and privacy, and when the OS
 * locks the screen or goes to sleep, a full-window modal covers every screen (form, summary,
 * preview, Past estimates) until someone clicks or presses a key. It hides; it is not a login.
 * While it shows, everything under it is inert and hidden from assistive technology; nothing
 * under it changes, so nothing typed is lost, and focus goes back where it was.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { OsLockReason } from '../../../core/ipc/contract';
import { activityEvents, createIdleWatch, movedPointer } from './privacy-screen-idle';

type HiddenBecause = 'idle' | OsLockReason;

const because: Record<HiddenBecause, (idleMinutes: number) => string> = {
  idle: (n) => `Hidden after ${n} ${n === 1 ? 'minute' : 'minutes'} without use.`,
  'lock-screen': () => 'Hidden because the screen was locked.',
  suspend: () => 'Hidden because the computer went to sleep.',
};

/** Calls `onIdle` after `idleMs` with no keyboard, mouse or touch input anywhere in the window. */
function useIdle(idleMs: number, onIdle: () => void): void {
  useEffect(() => {
    const watch = createIdleWatch(idleMs, onIdle);
    let pointer: { x: number; y: number } | null = null;
    const used = (event: Event): void => {
      if (event instanceof PointerEvent && event.type === 'pointermove') {
        if (!movedPointer(pointer, event)) return;
        pointer = { x: event.screenX, y: event.screenY };
      }
      watch.activity();
    };
    for (const name of activityEvents) window.addEventListener(name, used, { capture: true, passive: true });
    return () => {
      watch.stop();
      for (const name of activityEvents) window.removeEventListener(name, used, { capture: true });
    };
  }, [idleMs, onIdle]);
}

export function PrivacyScreen({ idleMinutes }: { idleMinutes: number }) {
  const [hidden, setHidden] = useState<HiddenBecause | null>(null);
  // The first reason stays: the OS locking while already hidden changes nothing.
  const hide = useCallback((reason: HiddenBecause) => setHidden((current) => current ?? reason), []);
  const hideIdle = useCallback(() => hide('idle'), [hide]);
  useIdle(idleMinutes * 60_000, hideIdle);
  useEffect(() => window.clinic.privacy.onOsLocked(({ reason }) => hide(reason)), [hide]);

  if (hidden === null) return null;
  return createPortal(<PrivacyDialog reason={because[hidden](idleMinutes)} onContinue={() => setHidden(null)} />, document.body);
}

/**
 * Everything else on the page (the app's root, other portals) made inert and hidden from
 * assistive technology; returns how to put back exactly what it changed.
 */
function hideAllBut(keep: Element): () => void {
  const changed = [...document.body.children].filter((el): el is HTMLElement => el !== keep && el instanceof HTMLElement && !el.inert);
  for (const el of changed) {
    el.inert = true;
    el.setAttribute('aria-hidden', 'true');
  }
  return () => {
    for (const el of changed) {
      el.inert = false;
      el.removeAttribute('aria-hidden');
    }
  };
}

function PrivacyDialog({ reason, onContinue }: { reason: string; onContinue: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  // Before the first paint: the page goes inert and the dialog modal, focus onto it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const restore = hideAllBut(dialog);
    dialog.showModal();
    button.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      restore();
      if (focused?.isConnected) focused.focus({ preventScroll: true });
    };
  }, []);

  // Any key continues, and does only that: it must not type into the field that gets focus back.
  const onKeyDown = (event: KeyboardEvent) => {
    event.preventDefault();
    onContinue();
  };

  return (
    <dialog
      ref={ref}
      className="privacy-screen"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClick={onContinue}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onContinue();
      }}
    >
      <div className="privacy-screen__panel">
        <h1 id={titleId} className="privacy-screen__title">
          Patient details are hidden
        </h1>
        <div id={bodyId}>
          <p>
            This screen hides the app while no one is using it, so people passing by cannot read patient details. It is not
            a login: anyone at this computer can continue, and nothing typed is lost.
          </p>
          <p className="privacy-screen__reason">{reason}</p>
        </div>
        <button ref={button} type="button" className="button button--primary privacy-screen__continue">
          Click to continue
        </button>
        <p className="privacy-screen__hint">Or press any key.</p>
      </div>
    </dialog>
  );
}
