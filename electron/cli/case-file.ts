/**
 * Reading a case file for a headless command. Messages name the file and the problem but
 * never quote its contents (a case file holds patient data).
 */
import { readFileSync } from 'node:fs';
import type { FieldIssue } from '../../core/result';

export type CaseFileRead = { ok: true; value: unknown } | { ok: false; message: string };

function describeReadError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return 'the file could not be opened';
  }
}

/** "line 3, column 5" for a character offset. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

export function readCaseFile(filePath: string): CaseFileRead {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read the case file ${filePath}: ${describeReadError(error)}.` };
  }
  if (text.trim() === '') return { ok: false, message: `The case file ${filePath} is empty.` };
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    // Only the position is kept from the parser's message: it may quote the file's text.
    const position = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
    const where = position?.[1] === undefined ? '' : ` near ${lineAndColumn(text, Number(position[1]))}`;
    return {
      ok: false,
      message: `The case file ${filePath} is not valid JSON${where}. Check the commas, quotes and brackets.`,
    };
  }
}

/** `<field.path>: <message>` lines, one per issue. */
export function formatFieldIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}\n`).join('');
}

/** The local calendar date, YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
