/**
 * A percentage typed as a fraction: payer portals often show a 20% coinsurance as 0.2, which the
 * form reads as 0.2%. The form asks beside the field (it never changes the value unasked).
 */
import { parsePercentText } from '../lib/text-parsers';

export interface FractionPercentHint {
  /** The percentage as typed ("0.2"). */
  typed: string;
  /** The percentage it likely means ("20"). */
  meant: string;
}

/** For a value strictly between 0 and 1: what was typed and what it likely means; otherwise null. */
export function fractionPercentHint(text: string): FractionPercentHint | null {
  const value = parsePercentText(text);
  if (value === null || value <= 0 || value >= 1) return null;
  // At most 2 decimals (parsePercentText), so a hundred times it is a whole number.
  return { typed: String(value), meant: String(Math.round(value * 100)) };
}
