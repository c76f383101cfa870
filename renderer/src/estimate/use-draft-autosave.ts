/**
 * Keeps what staff typed safe across a reload or a crash of the window: the draft is saved
 * (debounced) whenever the form changes, until the packet is issued or the form cleared.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FieldName, FormValues } from './form-fields';
import { toDraft } from './form-model';
import type { Revising } from './revision';

export type DraftState = 'none' | 'saving' | 'saved' | 'failed';

const DEBOUNCE_MS = 400;

export function useDraftAutosave(values: FormValues, edited: ReadonlySet<FieldName>, revising: Revising | null): DraftState {
  const [outcome, setOutcome] = useState<{ key: string; ok: boolean } | null>(null);
  const draft = useMemo(() => (edited.size === 0 ? null : toDraft(values, edited, revising)), [values, edited, revising]);
  const key = draft === null ? null : JSON.stringify(draft);

  useEffect(() => {
    if (draft === null || key === null) return;
    const timer = window.setTimeout(() => {
      void window.clinic.draft.save(draft).then((r) => setOutcome({ key, ok: r.ok }));
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, key]);

  if (key === null) return 'none';
  if (outcome?.key !== key) return 'saving';
  return outcome.ok ? 'saved' : 'failed';
}
