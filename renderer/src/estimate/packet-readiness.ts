/**
 * Can a Good Faith Estimate be issued with the settings as they are: core's checkPacketReady
 * (the same check the main side runs before it builds a packet) on the live estimate, and where
 * in Settings staff go to fix what it finds. Pure; tested in Node.
 */
import type { Estimate, PlaceOfService } from '../../../core/estimate/types';
import { checkPacketReady, letterheadIssues } from '../../../core/packet/ready';
import type { FieldIssue } from '../../../core/result';
import type { ClinicProfile, Settings } from '../../../core/settings';
import { settingsFieldIdForPath } from '../settings/settings-fields';

/** A packet the settings do not allow yet: what is missing, and the Settings part that takes it. */
export interface PacketBlock {
  message: string;
  /** The button's words, like "Go to Settings → Other providers". */
  settingsLabel: string;
  /** The Settings field to focus on arrival (the first one missing); null when none is named. */
  settingsFocus: string | null;
}

/**
 * What stops a Good Faith Estimate for this estimate and place of service (none for insured
 * patients). Without an estimate yet, only the clinic's own details are checked (which
 * providers bill is not known until then).
 */
export function packetReadinessIssues(
  estimate: Pick<Estimate, 'goodFaithEstimate' | 'lines'> | null,
  goodFaithKind: boolean,
  settings: Pick<Settings, 'clinic' | 'otherProviders'>,
  site: PlaceOfService,
): FieldIssue[] {
  const basis = estimate ?? { goodFaithEstimate: goodFaithKind, lines: [] };
  return checkPacketReady(basis, settings.clinic, site, settings.otherProviders);
}

/** The issues but the letterhead's (New estimate asks for the clinic's name and phone at the top). */
export function withoutLetterhead(issues: readonly FieldIssue[], clinic: ClinicProfile): FieldIssue[] {
  const letterhead = new Set(letterheadIssues(clinic).map((i) => i.message));
  return issues.filter((i) => !letterhead.has(i.message));
}

const settingsParts: { prefix: string; label: string }[] = [
  { prefix: 'otherProviders.', label: 'Go to Settings → Other providers' },
  { prefix: 'clinic.', label: 'Go to Settings → Clinic profile' },
];

/** The block for these issues (from the check here, or from the main side's refusal and its message). */
export function packetBlock(issues: readonly FieldIssue[], message?: string): PacketBlock {
  const first = issues[0];
  const part = settingsParts.find((p) => first?.path.startsWith(p.prefix)) ?? { label: 'Go to Settings' };
  const text = message !== undefined && message.trim() !== '' ? message : issues.map((i) => i.message).join(' ');
  return {
    message: text === '' ? 'This packet cannot be made with the settings as they are. Check Settings, then come back.' : text,
    settingsLabel: part.label,
    settingsFocus: first === undefined ? null : settingsFieldIdForPath(first.path),
  };
}
