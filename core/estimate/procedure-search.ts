/**
 * Finding the procedure by what staff type: its name, "vertebroplasty", "lumbar", the real
 * codes 22511/22512, or the seed's "22371" (not a CPT code: the match says why).
 */
import type { ProcedureDefinition } from './procedure-schema';

export interface ProcedureMatch {
  procedure: ProcedureDefinition;
  /** Plain words to show beside the match, e.g. why 22371 is billed as 22511. */
  note: string | null;
}

const normalize = (text: string): string => text.trim().toLowerCase().replace(/^cpt\s*/, '').replace(/\s+/g, ' ');

/**
 * Does `query` find `procedure`? Every word typed must be a whole word of one of its names
 * or search terms, so "kyphoplasty 22371", "plasty" or "2251" find nothing. Empty finds nothing.
 */
export function matchProcedure(query: string, procedure: ProcedureDefinition): ProcedureMatch | null {
  const q = normalize(query);
  if (q === '') return null;
  const words = q.split(' ');
  const vocabulary = new Set(
    [procedure.id, procedure.name, procedure.plainName, ...procedure.searchTerms, ...procedure.codeNotes.map((n) => n.term)]
      .flatMap((term) => normalize(term).split(/[\s,()\-:]+/))
      .filter((word) => word !== ''),
  );
  if (!words.every((word) => vocabulary.has(word))) return null;
  const codeNote = procedure.codeNotes.find((n) => words.includes(normalize(n.term)));
  return { procedure, note: codeNote === undefined ? null : codeNote.explanation };
}

export function searchProcedures(query: string, procedures: readonly ProcedureDefinition[]): ProcedureMatch[] {
  return procedures.flatMap((p) => {
    const match = matchProcedure(query, p);
    return match === null ? [] : [match];
  });
}

/**
 * A case may name the procedure by what staff type ("22371", "vertebroplasty"): read it as
 * the procedure's id and say how it was read. Anything else is left for the schema to refuse.
 */
export function resolveProcedureAlias(raw: unknown, procedure: ProcedureDefinition): { raw: unknown; note: string | null } {
  if (typeof raw !== 'object' || raw === null) return { raw, note: null };
  const input = raw as Record<string, unknown>;
  const choice = input['procedure'];
  if (typeof choice !== 'object' || choice === null) return { raw, note: null };
  const id = (choice as Record<string, unknown>)['id'];
  if (typeof id !== 'string' || id === procedure.id) return { raw, note: null };
  const match = matchProcedure(id, procedure);
  if (match === null) return { raw, note: null };
  const read = `"${id}" was read as ${procedure.name} (${procedure.id}).`;
  return {
    raw: { ...input, procedure: { ...(choice as Record<string, unknown>), id: procedure.id } },
    note: match.note === null ? read : `${read} ${match.note}`,
  };
}
