/** True for a `{ ... }` object (not null, not an array): untrusted JSON is read field by field. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
