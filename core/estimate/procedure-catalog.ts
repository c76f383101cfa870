/**
 * The procedures the app knows, as loaded once at start from templates/<id>/: each one's
 * definition, default fee schedule and warm-up case. Everything procedure-specific is read
 * from here; no code names a procedure or a billing code.
 */
import type { MedicareRateFile } from './medicare-schema';
import type { FeeSchedule, ProcedureDefinition } from './procedure-schema';

export interface CatalogEntry {
  procedure: ProcedureDefinition;
  schedule: FeeSchedule;
  /** Medicare's rates, one file per rate year (medicare-<year>.json), oldest first; at least one. */
  medicare: readonly MedicareRateFile[];
  /** An invented case (CaseInput) rendered once at start-up so the first real packet is fast. */
  warmUpCase: unknown;
}

export interface ProcedureCatalog {
  /** The primary procedure first, then the others by id; never empty. */
  readonly entries: readonly CatalogEntry[];
  /** The definitions, for validateCase's context and the renderer. */
  readonly definitions: readonly ProcedureDefinition[];
  /** The procedure marked `primary` (or the only one): the form's, and the owner of version-1 fee settings. */
  readonly primary: CatalogEntry;
  get(id: string): CatalogEntry | undefined;
}

/** Throws RangeError without exactly one primary procedure (the only one counts as primary). */
export function makeCatalog(entries: readonly CatalogEntry[]): ProcedureCatalog {
  const byPrimaryThenId = (e: CatalogEntry) => `${e.procedure.primary === true ? 0 : 1}${e.procedure.id}`;
  const sorted = [...entries].sort((a, b) => (byPrimaryThenId(a) < byPrimaryThenId(b) ? -1 : 1));
  const marked = sorted.filter((e) => e.procedure.primary === true);
  const primary = sorted.length === 1 ? sorted[0] : marked.length === 1 ? marked[0] : undefined;
  if (primary === undefined) throw new RangeError('A procedure catalog needs exactly one procedure marked "primary": true.');
  const byId = new Map(sorted.map((e) => [e.procedure.id, e]));
  return { entries: sorted, definitions: sorted.map((e) => e.procedure), primary, get: (id) => byId.get(id) };
}
