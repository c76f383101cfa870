/** One problem with one field: `path` is dotted (`coverage.coinsurancePercent`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export type ErrorCode =
  | 'invalid-input'
  | 'untrusted-sender'
  | 'not-found'
  | 'missing-clinic-details'
  | 'write-failed'
  | 'pdf-failed'
  | 'cancelled'
  | 'settings-read-only'
  /** A part of Settings the machine policy locks: IT changes it, not the front desk. */
  | 'settings-locked'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** Plain words a front-desk user can act on. */
  message: string;
  issues: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, issues: FieldIssue[] = []): Result<never> => ({
  ok: false,
  error: { code, message, issues },
});

/** Turn zod-style issues ({path: (string|number)[], message}) into dotted FieldIssues. */
export function toFieldIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix = '',
): FieldIssue[] {
  return issues.map((issue) => {
    const parts = issue.path.map(String);
    const path = [prefix, ...parts].filter((p) => p !== '').join('.');
    return { path: path === '' ? '(input)' : path, message: issue.message };
  });
}
