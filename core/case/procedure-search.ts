/**
 * Finding a procedure by what staff type: its name, its search terms, its real codes, or a
 * code note's term (such as a seed's non-existent code: the match says why).
 */
import type { ProcedureDefinition } from '../estimate/procedure-schema';

export interface ProcedureMatch {
  procedure: ProcedureDefinition;
  /** Plain words to show beside the match, e.g. why a typed code is billed as another. */
  note: string | null;
}

const normalize = (text: string): string => text.trim().toLowerCase().replace(/^cpt\s*/, '').replace(/\s+/g, ' ');

/**
 * Does `query` find `procedure`? Every word typed must be a whole word of one of its names
 * or search terms, so a term plus an unknown word, or part of a word, finds nothing. Empty finds nothing.
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
