/**
 * Checks of provider identifiers and the empty set of other providers, without the settings
 * schemas (core/settings.ts re-exports them): the New estimate form's packet checks use these,
 * and importing them alone keeps zod's settings schemas out of the window's first script.
 */

/** NPI: 10 digits whose Luhn check (with the 80840 prefix) holds. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const fromRight = digits.length - 1 - i;
    let d = digits[i] ?? 0;
    if (fromRight % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** TIN/EIN: 9 digits, written 12-3456789 or 123456789. */
export function isValidTin(tin: string): boolean {
  return /^\d{2}-?\d{7}$/.test(tin);
}

const noProvider = { name: '', npi: '', tin: '', address: '' };

/** No hospital, surgery center or anesthesia group entered (typed as OtherProviders in core/settings.ts). */
export const emptyOtherProviders = { hospitalOutpatient: noProvider, asc: noProvider, anesthesia: noProvider };
