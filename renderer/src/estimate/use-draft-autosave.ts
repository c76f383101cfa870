/**
 * Keeps what staff typed safe across a reload or a crash of the window: the draft is saved
 * (debounced) whenever the form changes, until the packet is issued or the form cleared.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FieldName, FormValues } from './form-fields';
import { toDraft } from './form-model';
import type { Revising } from './revision';

export type DraftState = 'none' | 'saving' | 'saved' | 'failed';

/** Where the draft stands, and when it failed, why (main's words: "the disk is full..."). */
export interface DraftStatus {
  state: DraftState;
  problem: string | null;
}

const DEBOUNCE_MS = 400;

export function useDraftAutosave(values: FormValues, edited: ReadonlySet<FieldName>, revising: Revising | null): DraftStatus {
  const [outcome, setOutcome] = useState<{ key: string; problem: string | null } | null>(null);
  const draft = useMemo(() => (edited.size === 0 ? null : toDraft(values, edited, revising)), [values, edited, revising]);
  const key = draft === null ? null : JSON.stringify(draft);

  useEffect(() => {
    if (draft === null || key === null) return;
    const timer = window.setTimeout(() => {
      void window.clinic.draft.save(draft).then((r) => setOutcome({ key, problem: r.ok ? null : r.error.message }));
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, key]);

  if (key === null) return { state: 'none', problem: null };
  if (outcome?.key !== key) return { state: 'saving', problem: null };
  return outcome.problem === null ? { state: 'saved', problem: null } : { state: 'failed', problem: outcome.problem };
}
