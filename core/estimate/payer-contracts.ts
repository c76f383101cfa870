/**
 * The clinic's payer contracts (Settings -> Payer contracts): per payer, the allowed amount for
 * the clinic's own lines as a percentage of Medicare (the clinic's Medicare rates, locality
 * amounts included) or as amounts per code; optionally the same for the facility and the
 * anesthesia provider when the clinic knows them. A case's payer name finds its contract by
 * the payer's name or an alias, regardless of case, spacing or punctuation.
 */
import { z } from 'zod';
import type { BillingRole } from '../case/enums';
import { MAX_PRICE_CENTS, withoutNegativeZero } from '../money';

const code = z.string().regex(/^\d{5}$/, 'Use a 5-digit code.');

export const contractBasisSchema = z.union([
  z.object({ percentOfMedicare: z.number().min(1, 'Use a percentage from 1 to 1000.').max(1000, 'Use a percentage from 1 to 1000.') }).strict(),
  z
    .object({
      amountsCents: z.record(code, z.number().int('Use whole cents.').min(0, 'Use 0 or more.').max(MAX_PRICE_CENTS, 'Use at most $1,000,000.').transform(withoutNegativeZero)).refine((a) => Object.keys(a).length > 0, 'Give at least one code and amount.'),
    })
    .strict(),
]);
export type ContractBasis = z.infer<typeof contractBasisSchema>;

const payerName = z.string().trim().min(1, 'Enter the payer name as staff type it.').max(120, 'Use at most 120 characters.');

export const payerContractSchema = z
  .object({
    payer: payerName,
    aliases: z.array(payerName).max(20),
    physician: contractBasisSchema,
    facility: contractBasisSchema.optional(),
    anesthesia: contractBasisSchema.optional(),
  })
  .strict();
export type PayerContract = z.infer<typeof payerContractSchema>;

export const payerContractsSchema = z
  .array(payerContractSchema)
  .max(200)
  .refine((list) => new Set(list.flatMap(namesOf)).size === list.flatMap(namesOf).length, 'Each payer name and alias may belong to one contract only.');

/** A payer's name as matched: lower case, letters and digits only ("Blue Cross  PPO" = "bluecrossppo"). */
export function normalizePayer(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function namesOf(contract: PayerContract): string[] {
  return [contract.payer, ...contract.aliases].map(normalizePayer).filter((n) => n !== '');
}

/** The contract whose payer or alias is the case's payer name; null when none is (or no name was given). */
export function matchContract(contracts: readonly PayerContract[], payer: string | undefined): PayerContract | null {
  if (payer === undefined) return null;
  const wanted = normalizePayer(payer);
  if (wanted === '') return null;
  return contracts.find((c) => namesOf(c).includes(wanted)) ?? null;
}

/** The contract's basis for one provider (the clinic's own lines are the physician's). */
export function basisFor(contract: PayerContract, role: BillingRole): ContractBasis | undefined {
  return contract[role];
}
