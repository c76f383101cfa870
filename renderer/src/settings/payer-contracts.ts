/**
 * Settings -> Payer contracts, the pure part: each contract as the text staff type and back.
 * The doctor's (the clinic's own) amounts are a percentage of Medicare or amounts per code
 * ("<code>: 2,100.00; <add-on code>: 900"); the facility's and anesthesia's, when known, a percentage.
 */
import type { ContractBasis, PayerContract } from '../../../core/estimate/payer-contracts';
import { normalizePayer } from '../../../core/estimate/payer-contracts';
import { formatCents } from '../../../core/money';
import { parseMoneyText } from '../lib/text-parsers';

export type BasisKind = 'percent' | 'amounts';

export interface ContractTexts {
  payer: string;
  aliases: string;
  physicianKind: BasisKind;
  physicianPercent: string;
  physicianAmounts: string;
  facilityPercent: string;
  anesthesiaPercent: string;
}

export type ContractErrors = Record<string, string>;

export const blankContract: ContractTexts = {
  payer: '',
  aliases: '',
  physicianKind: 'percent',
  physicianPercent: '',
  physicianAmounts: '',
  facilityPercent: '',
  anesthesiaPercent: '',
};

const percentText = (b: ContractBasis | undefined): string => (b !== undefined && 'percentOfMedicare' in b ? String(b.percentOfMedicare) : '');

export function contractTextsFrom(contracts: readonly PayerContract[]): ContractTexts[] {
  return contracts.map((c) => ({
    payer: c.payer,
    aliases: c.aliases.join(', '),
    physicianKind: 'amountsCents' in c.physician ? 'amounts' : 'percent',
    physicianPercent: percentText(c.physician),
    physicianAmounts: 'amountsCents' in c.physician ? Object.entries(c.physician.amountsCents).map(([code, cents]) => `${code}: ${formatCents(cents).replace('$', '')}`).join('; ') : '',
    facilityPercent: percentText(c.facility),
    anesthesiaPercent: percentText(c.anesthesia),
  }));
}

/** "150" or "150%" as a percentage of Medicare (1 to 1000). */
function percentOfMedicare(text: string): number | null {
  const cleaned = text.trim().replace(/\s*%$/, '');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return n >= 1 && n <= 1000 ? n : null;
}

/** An example of amounts per code with the procedure's own codes, for hints and messages. */
export function codeAmountsExample(codes: { primary: string; addOn: string }): string {
  return `${codes.primary}: 2,100.00; ${codes.addOn}: 900`;
}

/** "<code>: 2,100.00; <code>: 900" as cents per code; null when any part cannot be read. */
export function parseCodeAmounts(text: string): Record<string, number> | null {
  const parts = text.split(/[;\n]/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const out: Record<string, number> = {};
  for (const part of parts) {
    const m = /^(\d{5})\s*[:=]\s*(.+)$/.exec(part);
    const cents = m?.[2] === undefined ? null : parseMoneyText(m[2]);
    if (m === null || m[1] === undefined || cents === null) return null;
    out[m[1]] = cents;
  }
  return out;
}

/** The contracts, or what is wrong, keyed `<index>.<field>`. */
export function toContracts(texts: readonly ContractTexts[], example = '12345: 2,100.00'): { contracts: PayerContract[]; errors: ContractErrors } {
  const errors: ContractErrors = {};
  const contracts: PayerContract[] = [];
  const seen = new Map<string, number>();
  texts.forEach((t, i) => {
    const payer = t.payer.trim();
    if (payer === '') errors[`${i}.payer`] = 'Enter the payer name as staff type it on the form.';
    const aliases = t.aliases.split(',').map((a) => a.trim()).filter((a) => a !== '');
    for (const name of [payer, ...aliases]) {
      const key = normalizePayer(name);
      if (key === '') continue;
      if (seen.has(key) && seen.get(key) !== i) errors[`${i}.payer`] = `"${name}" already belongs to another contract.`;
      seen.set(key, i);
    }
    let physician: ContractBasis | null = null;
    if (t.physicianKind === 'percent') {
      const pct = percentOfMedicare(t.physicianPercent);
      if (pct === null) errors[`${i}.physicianPercent`] = 'Enter the percentage of Medicare, from 1 to 1000, like 135.';
      else physician = { percentOfMedicare: pct };
    } else {
      const amounts = parseCodeAmounts(t.physicianAmounts);
      if (amounts === null) errors[`${i}.physicianAmounts`] = `Enter each code and its amount, like ${example}.`;
      else physician = { amountsCents: amounts };
    }
    const optional = (field: 'facilityPercent' | 'anesthesiaPercent'): ContractBasis | undefined | null => {
      if (t[field].trim() === '') return undefined;
      const pct = percentOfMedicare(t[field]);
      if (pct === null) {
        errors[`${i}.${field}`] = 'Enter the percentage of Medicare, from 1 to 1000, or leave it empty.';
        return null;
      }
      return { percentOfMedicare: pct };
    };
    const facility = optional('facilityPercent');
    const anesthesia = optional('anesthesiaPercent');
    if (physician === null || facility === null || anesthesia === null || payer === '') return;
    contracts.push({ payer, aliases, physician, ...(facility === undefined ? {} : { facility }), ...(anesthesia === undefined ? {} : { anesthesia }) });
  });
  return { contracts, errors };
}

