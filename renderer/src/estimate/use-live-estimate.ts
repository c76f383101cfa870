/**
 * The live summary: asks the real estimate engine (window.clinic.estimate.compute) as staff
 * type, and again when the fee schedule or the defaults change in Settings, lightly debounced;
 * answers to older questions are dropped. The last figures stay on screen while a new answer
 * is on its way, so nothing jumps; the engine's field problems are given only for the form as it
 * is now (an answer about older values never marks a field that has since changed).
 */
import { useEffect, useState } from 'react';
import type { Estimate } from '../../../core/estimate/types';
import type { FieldIssue } from '../../../core/result';
import type { CaseInput } from '../../../core/case/case-schema';
import { caseFromKey, liveEstimateKey } from './live-estimate-key';
import { scheduleLiveEstimate } from './live-estimate-schedule';

export type LiveEstimate =
  | { status: 'waiting' }
  | { status: 'ready'; estimate: Estimate; updating: boolean }
  | { status: 'paused'; problems: FieldIssue[] }
  | { status: 'failed'; message: string };

type Answer =
  | { key: string; kind: 'estimate'; estimate: Estimate }
  | { key: string; kind: 'issues'; issues: FieldIssue[] }
  | { key: string; kind: 'failed'; message: string };

/**
 * `caseJson` null means the form has a problem that stops the estimate (shown at the fields).
 * `settingsKey` (estimateSettingsKey) names the settings the engine will use with it.
 */
export function useLiveEstimate(caseJson: CaseInput | null, settingsKey: string): LiveEstimate {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [lastEstimate, setLastEstimate] = useState<Estimate | null>(null);
  const key = liveEstimateKey(caseJson, settingsKey);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    const cancel = scheduleLiveEstimate(() => {
      void window.clinic.estimate.compute(caseFromKey(key)).then((result) => {
        if (!current) return;
        if (result.ok) {
          setLastEstimate(result.value);
          setAnswer({ key, kind: 'estimate', estimate: result.value });
        } else if (result.error.code === 'invalid-input') {
          setAnswer({ key, kind: 'issues', issues: result.error.issues });
        } else {
          setAnswer({ key, kind: 'failed', message: result.error.message });
        }
      });
    });
    return () => {
      current = false;
      cancel();
    };
  }, [key]);

  if (key === null) return { status: 'paused', problems: [] };
  if (answer === null || answer.key !== key) {
    return lastEstimate ? { status: 'ready', estimate: lastEstimate, updating: true } : { status: 'waiting' };
  }
  if (answer.kind === 'estimate') return { status: 'ready', estimate: answer.estimate, updating: false };
  if (answer.kind === 'issues') return { status: 'paused', problems: answer.issues };
  return { status: 'failed', message: answer.message };
}

const NO_ISSUES: FieldIssue[] = [];

/** The engine's field problems with the form's values now (none while its answer for them is on its way). */
export function engineIssues(live: LiveEstimate): FieldIssue[] {
  return live.status === 'paused' ? live.problems : NO_ISSUES;
}
