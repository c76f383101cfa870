/**
 * The machine policy on disk (its schema: core/policy.ts). IT puts one file at a fixed place
 * per OS, readable by every user and writable only by administrators; without it the app uses
 * its defaults. A file that is unreadable, not JSON or not a valid policy stops start-up with a
 * message naming the file and the field (startup-failure.ts), like a damaged template: a PC
 * must never quietly run without the policy IT set. Relative paths in the policy are resolved
 * against the policy file's own folder.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { posix, resolve, dirname, win32 } from 'node:path';
import { parsePolicy, type Policy } from '../../core/policy';
import type { FieldIssue } from '../../core/result';
import { fsErrorCode } from './atomic-write';

const APP_FOLDER = 'Clinic Estimate & Packet';

/** Where the policy lives: Windows %ProgramData%, macOS /Library/Application Support, Linux /etc. */
export function policyFile(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return win32.join(env['ProgramData'] ?? 'C:\\ProgramData', APP_FOLDER, 'policy.json');
  if (platform === 'darwin') return posix.join('/Library/Application Support', APP_FOLDER, 'policy.json');
  return '/etc/clinic-estimate-packet/policy.json';
}

export type PolicyProblem = 'unreadable' | 'not-json' | 'invalid';

/** The policy file itself, or the clinic configuration file it names. */
export type PolicyPart = 'policy' | 'configuration';

/** The policy file (or the configuration it names) exists but cannot be used: start-up names the file (and the fields). */
export class PolicyError extends Error {
  override name = 'PolicyError';
  readonly file: string;
  readonly problem: PolicyProblem;
  readonly issues: FieldIssue[];
  /** The file system's code when it could not be read. */
  readonly code: string | null;
  readonly part: PolicyPart;
  constructor(details: { file: string; problem: PolicyProblem; issues?: FieldIssue[]; code?: string | null; part?: PolicyPart }) {
    const issues = details.issues ?? [];
    super(`The machine policy ${details.part === 'configuration' ? 'configuration ' : ''}${details.file} is ${details.problem}${issues.map((i) => `\n  ${i.path}: ${i.message}`).join('')}`);
    this.file = details.file;
    this.problem = details.problem;
    this.issues = issues;
    this.code = details.code ?? null;
    this.part = details.part ?? 'policy';
  }
}

/** The clinic configuration file a policy names, as read at start (applied by policy-configuration.ts). */
export interface PolicyConfigurationFile {
  file: string;
  text: string;
  /** SHA-256 of the file's bytes: a changed file is applied again. */
  sha256: string;
}

/** A policy as loaded: its paths absolute, the file it came from, and the configuration it names, read. */
export type LoadedPolicy = Omit<Policy, 'configuration'> & { file: string; configuration?: PolicyConfigurationFile };

async function readConfiguration(file: string): Promise<PolicyConfigurationFile> {
  try {
    const bytes = await readFile(file);
    return { file, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    throw new PolicyError({ file, problem: 'unreadable', code: fsErrorCode(error), part: 'configuration' });
  }
}

/** The policy at `file`, or null when there is none; throws PolicyError when it cannot be used. */
export async function loadPolicy(file: string): Promise<LoadedPolicy | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = fsErrorCode(error);
    if (code === 'ENOENT') return null;
    throw new PolicyError({ file, problem: 'unreadable', code });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PolicyError({ file, problem: 'not-json' });
  }
  const parsed = parsePolicy(json);
  if (!parsed.ok) throw new PolicyError({ file, problem: 'invalid', issues: parsed.issues });
  const here = (path: string) => resolve(dirname(file), path);
  const { records, configuration, ...rest } = parsed.value;
  return {
    ...rest,
    file,
    ...(records === undefined
      ? {}
      : {
          records: {
            ...records,
            ...(records.keyFile === undefined ? {} : { keyFile: here(records.keyFile) }),
            ...(records.caFile === undefined ? {} : { caFile: here(records.caFile) }),
          },
        }),
    ...(configuration === undefined ? {} : { configuration: await readConfiguration(here(configuration)) }),
  };
}

/** A policy named on the command line (the preview's --policy): a file that is not there is an error, not "no policy". */
export async function loadGivenPolicy(file: string): Promise<LoadedPolicy> {
  const policy = await loadPolicy(file);
  if (policy === null) throw new PolicyError({ file, problem: 'unreadable', code: 'ENOENT' });
  return policy;
}
