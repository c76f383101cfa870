import { describe, expect, it } from 'vitest';
import { shippedProcedureData, shippedProcedureId } from '../testing/shipped-procedure';
import type { ProcedureDefinition } from '../estimate/procedure-schema';
import { validateCase } from './validate-case';

const TODAY = '2026-05-15';
const { procedure } = shippedProcedureData();
const catalog = [procedure];
const base = (choice: Record<string, unknown> = {}) => ({
  patient: { firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '1948-07-04' },
  procedure: { id: shippedProcedureId, levels: 1, site: 'office', sedation: 'local', ...choice },
  coverage: { kind: 'self-pay' },
});
const issuesOf = (input: unknown, cat: readonly ProcedureDefinition[] = catalog) => {
  const result = validateCase(input, { today: TODAY, catalog: cat });
  return result.ok ? [] : result.issues;
};

describe('validateCase: the procedure comes from the catalog', () => {
  it('accepts a catalog procedure with no notes', () => {
    const result = validateCase(base(), { today: TODAY, catalog });
    expect(result.ok && result.value.notes).toEqual([]);
    expect(result.ok && result.value.case.procedure.id).toBe(shippedProcedureId);
  });

  it('reads the seed code "22371" as the procedure and says why, as a note', () => {
    const result = validateCase(base({ id: '22371' }), { today: TODAY, catalog });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.case.procedure.id).toBe(shippedProcedureId);
    expect(result.value.notes).toEqual([{ code: 'procedure-alias', message: expect.stringMatching(/^"22371" was read as .*22371 is not a CPT code/) }]);
  });

  it('refuses a procedure the catalog does not have, naming the ids it does', () => {
    expect(issuesOf(base({ id: 'knee-replacement' }))).toEqual([{ path: 'procedure.id', message: `Choose a procedure this app knows: ${shippedProcedureId}.` }]);
    expect(issuesOf(base(), [])).toEqual([{ path: 'procedure.id', message: 'Choose a procedure this app knows: .' }]);
  });

  it("checks levels, site and sedation against that procedure's own limits", () => {
    const narrow: ProcedureDefinition = { ...procedure, levels: { ...procedure.levels, max: 3, normalMax: 2 }, sites: ['office'], sedations: ['local'] };
    expect(issuesOf(base({ levels: 4 }), [narrow]).map((i) => i.path)).toEqual(['procedure.levels']);
    expect(issuesOf(base({ levels: 3 }), [narrow])).toEqual([]);
    expect(issuesOf(base({ site: 'asc' }), [narrow])).toEqual([{ path: 'procedure.site', message: 'Choose the place of service: office.' }]);
    expect(issuesOf(base({ sedation: 'moderate' }), [narrow])).toEqual([{ path: 'procedure.sedation', message: 'Choose the sedation: local.' }]);
  });

  it('reports schema, date and procedure problems together, once per field', () => {
    const input = { ...base({ levels: 9 }), patient: { firstName: '', lastName: 'L', dateOfBirth: '2090-01-01' } };
    const paths = issuesOf(input).map((i) => i.path);
    expect(paths.sort()).toEqual(['patient.dateOfBirth', 'patient.firstName', 'procedure.levels']);
  });

  it('an alias that finds no procedure stays refused', () => {
    expect(issuesOf(base({ id: 'kyphoplasty 22371' })).map((i) => i.path)).toEqual(['procedure.id']);
  });
});
