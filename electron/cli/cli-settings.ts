/**
 * The settings the headless commands estimate and print with: the defaults, or (with
 * `--policy FILE`) the clinic configuration that machine policy names, as the app applies it at
 * start; a clinic file (`--clinic`) replaces the parts it gives (profile, payer contracts,
 * deposit, other providers, doctors). A policy that cannot be used is reported as the app's
 * start-up reports it: the file and each field, exit 2.
 */
import type { MigrationContext } from '../../core/settings-migrations';
import { defaultSettings, type Settings } from '../../core/settings';
import { checkedConfig } from '../ipc/config-ipc';
import { loadGivenPolicy, PolicyError } from '../services/policy';
import { fsErrorCode } from '../services/atomic-write';
import { readClinicFile, type ClinicFile } from './clinic-file';

export type CliSettings = { ok: true; settings: Settings; fromPolicy: boolean } | { ok: false; output: string };

const PROBLEM_WORDS: Record<PolicyError['problem'], string> = {
  unreadable: 'could not be read',
  'not-json': 'is not valid JSON',
  invalid: 'is not a valid',
};

function describePolicyError(error: PolicyError): string {
  const what = error.part === 'configuration' ? 'clinic configuration file the policy names' : 'machine policy';
  const problem = error.problem === 'invalid' ? `${PROBLEM_WORDS.invalid} ${error.part === 'configuration' ? 'clinic configuration' : 'policy'}` : PROBLEM_WORDS[error.problem];
  const code = error.code === null ? '' : ` (${error.code})`;
  const where = error.part === 'configuration' ? 'policy.configuration' : '--policy';
  const fields = error.issues.map((i) => `${error.part === 'configuration' ? 'policy.configuration' : 'policy'}.${i.path}: ${i.message}\n`).join('');
  return `${where}: The ${what} ${error.file} ${problem}${code}.\n${fields}`;
}

/** The clinic configuration a policy names, as the app would apply it to new settings (or the defaults when it names none). */
export async function policySettings(policyFile: string, migration: MigrationContext): Promise<CliSettings> {
  try {
    const policy = await loadGivenPolicy(policyFile);
    if (policy.configuration === undefined) return { ok: true, settings: defaultSettings, fromPolicy: false };
    const { file, text } = policy.configuration;
    const parsed = checkedConfig(text, defaultSettings, { migration });
    if (!parsed.ok) {
      const fields = parsed.error.issues.map((i) => `policy.configuration.${i.path}: ${i.message}\n`).join('');
      return { ok: false, output: `policy.configuration: ${file}: ${parsed.error.message}\n${fields}` };
    }
    return { ok: true, settings: parsed.value.settings, fromPolicy: true };
  } catch (error) {
    if (error instanceof PolicyError) return { ok: false, output: describePolicyError(error) };
    return { ok: false, output: `--policy: The machine policy ${policyFile} could not be read (${fsErrorCode(error) ?? 'error'}).\n` };
  }
}

/** `base` with the parts a clinic file gives. */
export function withClinicFile(base: Settings, clinic: ClinicFile): Settings {
  return {
    ...base,
    clinic: clinic.profile,
    payerContracts: clinic.payerContracts,
    defaults: { ...base.defaults, depositPercent: clinic.depositPercent },
    otherProviders: clinic.otherProviders,
    doctors: clinic.doctors,
  };
}

/** The settings for a command's `--policy` and `--clinic` (either, both or neither). */
export async function resolveCliSettings(files: { clinicFile: string | null; policyFile: string | null }, migration: MigrationContext): Promise<CliSettings> {
  const base: CliSettings = files.policyFile === null ? { ok: true, settings: defaultSettings, fromPolicy: false } : await policySettings(files.policyFile, migration);
  if (!base.ok || files.clinicFile === null) return base;
  const clinic = readClinicFile(files.clinicFile);
  return clinic.ok ? { ...base, settings: withClinicFile(base.settings, clinic.value) } : { ok: false, output: clinic.output };
}
