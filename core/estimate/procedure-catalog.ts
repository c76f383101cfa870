/**
 * The procedures the app knows, as loaded once at start from templates/<id>/: each one's
 * definition, default fee schedule and warm-up case. Everything procedure-specific is read
 * from here; no code names a procedure or a billing code.
 */
import type { FeeSchedule, ProcedureDefinition } from './procedure-schema';

export interface CatalogEntry {
  procedure: ProcedureDefinition;
  schedule: FeeSchedule;
  /** An invented case (CaseInput) rendered once at start-up so the first real packet is fast. */
  warmUpCase: unknown;
}

export interface ProcedureCatalog {
  /** In folder-name order; never empty. */
  readonly entries: readonly CatalogEntry[];
  /** The definitions, for validateCase's context and the renderer. */
  readonly definitions: readonly ProcedureDefinition[];
  /** The first procedure: the form's default, and the owner of version-1 fee settings. */
  readonly primary: CatalogEntry;
  get(id: string): CatalogEntry | undefined;
}

export function makeCatalog(entries: readonly CatalogEntry[]): ProcedureCatalog {
  const sorted = [...entries].sort((a, b) => (a.procedure.id < b.procedure.id ? -1 : a.procedure.id > b.procedure.id ? 1 : 0));
  const primary = sorted[0];
  if (primary === undefined) throw new RangeError('A procedure catalog needs at least one procedure.');
  const byId = new Map(sorted.map((e) => [e.procedure.id, e]));
  return { entries: sorted, definitions: sorted.map((e) => e.procedure), primary, get: (id) => byId.get(id) };
}
