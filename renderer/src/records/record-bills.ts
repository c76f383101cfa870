/**
 * "What each provider billed", as typed on a record: text per provider to the bills request
 * (cents; a box left empty is a bill not come yet), checked by the contract's own schema, and
 * every problem said at its provider's box, naming the provider. Pure; tested in Node.
 */
import type { BillingRole } from '../../../core/case/enums';
import { recordBillsSchema, type RecordRow } from '../../../core/ipc/contract';
import { formatCents } from '../../../core/money';
import type { FieldIssue } from '../../../core/result';
import { moneyTextErrorOr, parseMoneyText } from '../lib/text-parsers';

export type BillTexts = Partial<Record<BillingRole, string>>;
export type BillErrors = Partial<Record<BillingRole, string>>;
export type BillsRequest = { id: string; bills: { role: BillingRole; billedCents: number }[] };

/** The largest bill the contract takes (read from its schema, not a second copy). */
const maxBillCents = recordBillsSchema.shape.bills.element.shape.billedCents.maxValue ?? Number.MAX_SAFE_INTEGER;

/** The boxes as they start: what was entered before, as dollars. */
export function billTexts(row: Pick<RecordRow, 'providers'>): BillTexts {
  return Object.fromEntries(row.providers.map((p) => [p.role, p.billedCents === null ? '' : formatCents(p.billedCents)]));
}

const unreadable = (name: string): string => `Enter what ${name} billed in dollars, like 1,250.00, or leave it empty until the bill comes.`;
const refused = (name: string): string => `Check what ${name} billed: enter 0 to ${formatCents(maxBillCents)}.`;

/**
 * The request for what was typed, or the problems by provider. The bills are listed in the
 * record's provider order, so an issue the main side returns (`bills.1.billedCents`) finds its
 * box again with `billIssuesByRole`.
 */
export function readBills(row: Pick<RecordRow, 'id' | 'providers'>, texts: BillTexts): { ok: true; request: BillsRequest } | { ok: false; errors: BillErrors } {
  const errors: BillErrors = {};
  const bills: BillsRequest['bills'] = [];
  for (const provider of row.providers) {
    const text = (texts[provider.role] ?? '').trim();
    if (text === '') continue;
    const billedCents = parseMoneyText(text);
    if (billedCents === null) errors[provider.role] = moneyTextErrorOr(text, unreadable(provider.name));
    else bills.push({ role: provider.role, billedCents });
  }
  const request = { id: row.id, bills };
  const checked = recordBillsSchema.safeParse(request);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    Object.assign(errors, { ...billIssuesByRole(row, request, issues), ...errors });
  }
  return Object.keys(errors).length === 0 ? { ok: true, request } : { ok: false, errors };
}

/** Issues at `bills.<n>...` (from the schema or the main side) at the box of the provider sent n-th. */
export function billIssuesByRole(row: Pick<RecordRow, 'providers'>, request: BillsRequest, issues: readonly FieldIssue[]): BillErrors {
  const errors: BillErrors = {};
  for (const issue of issues) {
    const match = /^bills\.(\d+)/.exec(issue.path);
    const role = match === null ? undefined : request.bills[Number(match[1])]?.role;
    const provider = row.providers.find((p) => p.role === role);
    if (provider !== undefined && errors[provider.role] === undefined) errors[provider.role] = refused(provider.name);
  }
  return errors;
}
