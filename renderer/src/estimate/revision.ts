/**
 * Revise (Past estimates): the New estimate form opened filled from a record's case. Its
 * packets then carry `revises: <record id>` until the form is cleared, so the record they make
 * says which one it replaces. Pure; tested in Node.
 */
import type { RecordRevision, RecordRow } from '../../../core/ipc/contract';
import type { PacketDefaults } from '../../../core/settings';
import { issuedDate } from '../records/record-format';
import type { FieldName, FormValues } from './form-fields';
import { formFromCase } from './form-from-case';

/** The record being revised: its id (sent), reference and date (shown). */
export interface Revising {
  id: string;
  reference: string;
  issuedAt: string;
}

/** What the New estimate form opens with. */
export interface EstimateStart {
  values: FormValues;
  edited: ReadonlySet<FieldName>;
  /** The values come from a draft of an earlier session (or a reload). */
  restored: boolean;
  revising: Revising | null;
}

/**
 * The form for revising a record. Who prepares the revision is whoever is at this computer
 * (`preparedBy`, remembered here), not who prepared the first one.
 */
export function revisionStart(revision: RecordRevision, row: Pick<RecordRow, 'issuedAt'>, defaults: PacketDefaults, preparedBy: string): EstimateStart {
  const { values, edited } = formFromCase(revision.caseInput, defaults);
  return { values: { ...values, preparedBy }, edited, restored: false, revising: { id: revision.id, reference: revision.reference, issuedAt: row.issuedAt } };
}

export function revisingNotice(revising: Revising): string {
  return `Revising estimate ${revising.reference} from ${issuedDate(revising.issuedAt)}. The packet you print or save now replaces it; both stay on record.`;
}

/** The record id a packet request carries while revising. */
export function withRevises<T extends object>(input: T, revising: Revising | null): T & { revises?: string } {
  return revising === null ? input : { ...input, revises: revising.id };
}
