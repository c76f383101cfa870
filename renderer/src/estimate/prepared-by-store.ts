/**
 * The `Prepared by` initials, remembered on this computer so staff type them once. They are
 * staff initials, not patient data, so the browser's own small storage is enough. Storage that
 * is missing or refuses (private mode, full) is never an error: the field just starts empty.
 */
export interface SmallStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'clinic.preparedBy';
/** Longer text is not initials: never fill the form with it. */
const MAX_REMEMBERED = 40;

function browserStorage(): SmallStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function rememberedPreparedBy(storage: SmallStorage | null = browserStorage()): string {
  try {
    const text = storage?.getItem(KEY) ?? '';
    return text.length <= MAX_REMEMBERED ? text : '';
  } catch {
    return '';
  }
}

export function rememberPreparedBy(initials: string, storage: SmallStorage | null = browserStorage()): void {
  try {
    if (initials.length <= MAX_REMEMBERED) storage?.setItem(KEY, initials);
  } catch {
    // Not remembered this time; the form still has what was typed.
  }
}
