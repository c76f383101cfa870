/**
 * What a Settings form shows for one settings group (clinic profile, defaults). When the group
 * changes from outside the form (a configuration import, another window), the form shows the
 * new values and drops its own unsaved edits, so a later Save cannot write old values back.
 * The form's own saves are not "outside": it reports them with `markSaved`.
 */
import { useCallback, useState } from 'react';

export interface SettingsGroupState<G, L> {
  local: L;
  setLocal: (update: (current: L) => L) => void;
  /** The form saved `saved` itself: show it, and do not treat the coming update as outside. */
  markSaved: (saved: G) => void;
  /** What the form shows differs from the saved group (Settings marks the section, and asks before leaving). */
  dirty: boolean;
}

export function useSettingsGroup<G, L>(group: G, toLocal: (group: G) => L, onOutsideChange: () => void): SettingsGroupState<G, L> {
  const [local, setLocalState] = useState<L>(() => toLocal(group));
  const [known, setKnown] = useState<string>(() => JSON.stringify(group));
  const key = JSON.stringify(group);
  if (key !== known) {
    // Adjusting state while rendering (React's pattern for "props changed"): no stale frame.
    setKnown(key);
    setLocalState(toLocal(group));
    onOutsideChange();
  }
  const setLocal = useCallback((update: (current: L) => L) => setLocalState(update), []);
  const markSaved = useCallback(
    (saved: G) => {
      setKnown(JSON.stringify(saved));
      setLocalState(toLocal(saved));
    },
    [toLocal],
  );
  const dirty = JSON.stringify(local) !== JSON.stringify(toLocal(group));
  return { local, setLocal, markSaved, dirty };
}
