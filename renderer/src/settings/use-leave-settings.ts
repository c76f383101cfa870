/**
 * Leaving Settings with sections not saved asks first (LeaveSettingsDialog): on the way to
 * another screen, and when the window is closed or reloaded (beforeunload). Save all saves every
 * changed section; one that cannot be saved keeps staff on Settings at its first invalid field.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createSectionRegistry } from './unsaved-sections';

interface Asking {
  titles: string[];
  /** What leaving does once staff agree (switch screens, or close the window). */
  leave: () => void;
}

export function useLeaveSettings(onSettings: boolean) {
  const [registry] = useState(createSectionRegistry);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  // Set once staff chose to close the window anyway: the close must not ask again.
  const closing = useRef(false);

  /** Run `leave` now, or ask first when Settings has unsaved sections. */
  const leaveSettings = useCallback(
    (leave: () => void) => {
      const titles = registry.unsaved().map((s) => s.title);
      if (!onSettings || titles.length === 0) return leave();
      setAsking({ titles, leave });
    },
    [registry, onSettings],
  );

  useEffect(() => {
    if (!onSettings) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      const titles = registry.unsaved().map((s) => s.title);
      if (closing.current || titles.length === 0) return;
      // The window stays open (Electron closes nothing; a browser asks too); the dialog says what is unsaved.
      event.preventDefault();
      setAsking({
        titles,
        leave: () => {
          closing.current = true;
          window.close();
        },
      });
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [onSettings, registry]);

  // Back on Settings after a refused Save all: at the first invalid field, once the dialog is closed.
  useEffect(() => {
    if (asking !== null || focusAfter === null) return;
    document.getElementById(focusAfter)?.focus();
    setFocusAfter(null);
  }, [asking, focusAfter]);

  const dialog = {
    sections: asking?.titles ?? [],
    onStay: () => setAsking(null),
    onDiscard: () => {
      setAsking(null);
      asking?.leave();
    },
    onSaveAll: async () => {
      const saved = await registry.saveAll();
      setAsking(null);
      if (saved.ok) asking?.leave();
      else setFocusAfter(saved.focusId);
    },
  };
  return { registry, leaveSettings, dialog };
}
