/**
 * The packet the app renders once in the background at start-up, so pdfmake, the fonts and
 * every layout path are warm before staff ask for the first real packet: the primary
 * procedure's warm-up case (templates/<id>/warm-up-case.json, an invented person), estimated
 * with the clinic's settings. Never shown, never saved. Before the clinic profile has a name and
 * phone (a fresh install) a stand-in letterhead takes their place, so the warm-up still renders.
 */
import { letterheadIssues } from '../../core/packet/ready';
import type { Settings } from '../../core/settings';
import type { CaseEstimator } from '../ipc/case-estimator';
import type { PacketBuildInput } from './packet-service';

/** The warm-up case through the app's own case pipeline; null if it no longer passes (no warm-up then). */
export function warmUpInput(estimateCase: CaseEstimator, warmUpCase: unknown, settings: Settings, today: string): PacketBuildInput | null {
  const estimated = estimateCase(warmUpCase);
  if (!estimated.ok) return null;
  return {
    caseData: estimated.value.case,
    estimate: estimated.value.estimate,
    clinic: letterheadIssues(settings.clinic).length === 0 ? settings.clinic : { ...settings.clinic, name: 'Warm-up clinic', phone: '000-000-0000' },
    otherProviders: settings.otherProviders,
    preparedDate: today,
  };
}
