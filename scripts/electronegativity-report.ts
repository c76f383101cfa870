/**
 * Reads Electronegativity's SARIF (as scripts/electronegativity-scan.ts writes it, with each
 * result's severity) and says which findings fail the build: any above LOW, unless its source
 * line or the line above carries `// eng-disable CHECK_NAME <reason>` with a reason. Also checks
 * that every eng-disable comment in the sources gives one (Electronegativity itself drops the
 * findings an eng-disable names, reason or not). Pure: the caller reads the files.
 */

const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
const isAboveLow = (severity: string | undefined): boolean => {
  const rank = SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);
  // A severity the reader does not know is not proven harmless.
  return rank === -1 || rank > SEVERITIES.indexOf('LOW');
};

export interface Finding {
  check: string;
  /** Relative to the scanned folder ("main/window.ts"); "file:///" for app-wide checks. */
  file: string;
  line: number;
  severity: string | undefined;
}

interface SarifResult {
  ruleId?: unknown;
  properties?: { severity?: unknown };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: unknown }; region?: { startLine?: unknown } } }[];
}
interface SarifNotification {
  level?: unknown;
  message?: { text?: unknown };
}
interface Sarif {
  runs?: { results?: SarifResult[]; invocations?: { toolExecutionNotifications?: SarifNotification[] }[] }[];
}

/** Every result of every run, and the scanner's own errors (a file it could not parse was not checked). */
export function readSarif(sarif: unknown): { findings: Finding[]; errors: string[] } {
  const runs = (sarif as Sarif | null)?.runs;
  if (!Array.isArray(runs) || runs.length === 0) return { findings: [], errors: ['The SARIF file has no runs: the scan did not finish.'] };
  const findings = runs.flatMap((run) =>
    (run.results ?? []).map((result): Finding => {
      const location = result.locations?.[0]?.physicalLocation;
      const severity = result.properties?.severity;
      return {
        check: String(result.ruleId),
        file: String(location?.artifactLocation?.uri ?? 'file:///'),
        line: Number(location?.region?.startLine ?? 1),
        severity: typeof severity === 'string' ? severity : undefined,
      };
    }),
  );
  const errors = runs
    .flatMap((run) => run.invocations ?? [])
    .flatMap((invocation) => invocation.toolExecutionNotifications ?? [])
    .filter((n) => n.level === 'error')
    .map((n) => String(n.message?.text));
  return { findings, errors };
}

const CHECK_NAME = /^(?:[A-Z][A-Z0-9_]*_CHECK|[A-Za-z][A-Za-z0-9]*Check)$/;

/** An eng-disable comment: the checks it names and its reason ('' when it gives none). */
export function parseEngDisable(line: string): { checks: string[]; reason: string } | null {
  const match = /(?:\/\/|\/\*|<!--)\s*eng-disable\b(.*)$/.exec(line);
  if (match === null) return null;
  const words = (match[1] ?? '').replace(/\*\/|-->/g, ' ').trim().split(/[\s,]+/).filter((w) => w !== '');
  const checks: string[] = [];
  for (let word = words[0]; word !== undefined && CHECK_NAME.test(word.replace(/:$/, '')); word = words[0]) {
    checks.push(word.replace(/:$/, ''));
    words.shift();
    if (word.endsWith(':')) break;
  }
  const reason = words.join(' ').replace(/^[:\-–—\s]+/, '').trim();
  return { checks, reason };
}

const isCommentOnly = (text: string | undefined): boolean => text !== undefined && /^\s*(?:\/\/|\/\*|<!--)/.test(text);

/**
 * The reason given for disabling `check` on `line` (1-based), at its end or in a comment line
 * just above it; null when none is. (A comment ending the line above is that line's own.)
 */
export function justification(lines: readonly string[], line: number, check: string): string | null {
  const above = lines[line - 2];
  for (const text of [lines[line - 1], isCommentOnly(above) ? above : undefined]) {
    const parsed = text === undefined ? null : parseEngDisable(text);
    if (parsed !== null && parsed.reason !== '' && parsed.checks.some((c) => c.toUpperCase() === check.toUpperCase())) return parsed.reason;
  }
  return null;
}

/**
 * The findings that fail, one line each ("AUXCLICK_JS_CHECK main/window.ts:25 (MEDIUM)"), and
 * the scanner's errors. `sourceLines` gives a scanned file's lines (null when it cannot be read).
 */
export function failingFindings(sarif: unknown, sourceLines: (file: string) => readonly string[] | null): string[] {
  const { findings, errors } = readSarif(sarif);
  const failing = findings
    .filter((f) => isAboveLow(f.severity))
    .filter((f) => {
      const lines = sourceLines(f.file);
      return lines === null || justification(lines, f.line, f.check) === null;
    })
    .map((f) => `${f.check} ${f.file}:${f.line} (${f.severity ?? 'severity unknown'})`);
  return [...failing, ...errors.map((e) => `The scanner could not check ${e}`)];
}

/** eng-disable comments in one file that name no check or give no reason ("main/window.ts:33: ..."). */
export function engDisableProblems(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const parsed = parseEngDisable(line);
    if (parsed === null) return [];
    if (parsed.checks.length === 0) return [`${file}:${i + 1}: eng-disable names no check (use its id, like PRELOAD_JS_CHECK).`];
    return parsed.reason === '' ? [`${file}:${i + 1}: eng-disable ${parsed.checks.join(' ')} gives no reason.`] : [];
  });
}
