/**
 * At the top of New estimate until the clinic profile has what every packet's letterhead prints
 * (core's letterheadIssues: the name and phone), with the way to the first missing field.
 */
import { letterheadIssues } from '../../../core/packet/ready';
import type { ClinicProfile } from '../../../core/settings';
import type { SettingsFocus } from '../settings/settings-screen';
import { settingsFieldIdForPath } from '../settings/settings-fields';

interface ClinicProfileNoticeProps {
  clinic: ClinicProfile;
  onOpenSettings: (focus: SettingsFocus) => void;
}

export function ClinicProfileNotice({ clinic, onOpenSettings }: ClinicProfileNoticeProps) {
  const issue = letterheadIssues(clinic)[0];
  if (issue === undefined) return null;
  return (
    <section className="notice" aria-label="Clinic profile needed">
      <p className="notice__text">{issue.message}</p>
      <button type="button" className="button" onClick={() => onOpenSettings(settingsFieldIdForPath(issue.path))}>
        Go to Settings → Clinic profile
      </button>
    </section>
  );
}
