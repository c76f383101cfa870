/**
 * A Settings editor's view from main (the fee schedule, Medicare's rates): loaded on arrival
 * and again whenever the saved settings it shows change (an import, another window).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../core/result';

export function useSettingsView<V>(load: () => Promise<Result<V>>, savedKey: string, onLoaded: (view: V) => void) {
  const [view, setView] = useState<V | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const r = await load();
    if (!r.ok) return setLoadError(r.error.message);
    setView(r.value);
    onLoaded(r.value);
  }, [load, onLoaded]);
  useEffect(() => {
    void refresh();
  }, [refresh, savedKey]);
  return { view, loadError, refresh };
}
