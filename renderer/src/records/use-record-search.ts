/**
 * Past estimates' search: the query is sent as typed (the main side does the matching), a
 * moment after typing stops; the empty query (the newest records) at once. Only the answer to
 * the latest query is shown. `version` searches again (after a delete, a revision).
 */
import { useEffect, useState } from 'react';
import type { RecordSearchResult } from '../../../core/ipc/contract';
import type { AppError } from '../../../core/result';

const DEBOUNCE_MS = 200;

export type SearchAnswer = { status: 'done'; result: RecordSearchResult } | { status: 'failed'; error: AppError };

export interface RecordSearch {
  /** The latest query's answer has not come yet (the last answer stays on show meanwhile). */
  busy: boolean;
  /** The last answer, null before the first. */
  answer: SearchAnswer | null;
}

export function useRecordSearch(query: string, version: number, enabled: boolean): RecordSearch {
  const key = `${version}\n${query}`;
  const [answer, setAnswer] = useState<{ key: string; answer: SearchAnswer } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const timer = window.setTimeout(
      () => {
        void window.clinic.records.search({ query }).then((r) => {
          if (live) setAnswer({ key, answer: r.ok ? { status: 'done', result: r.value } : { status: 'failed', error: r.error } });
        });
      },
      query.trim() === '' ? 0 : DEBOUNCE_MS,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key, query, enabled]);

  return { busy: answer?.key !== key, answer: answer?.answer ?? null };
}
