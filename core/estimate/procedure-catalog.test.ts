import { describe, expect, it } from 'vitest';
import { shippedProcedureData } from '../testing/shipped-procedure';
import { makeCatalog, type CatalogEntry } from './procedure-catalog';

const { procedure, schedule } = shippedProcedureData();
const entry = (id: string, primary?: boolean): CatalogEntry => {
  const { primary: _shipped, ...rest } = procedure;
  return { procedure: primary === undefined ? { ...rest, id } : { ...rest, id, primary }, schedule, medicare: [], warmUpCase: {} };
};

describe('makeCatalog', () => {
  it('takes the only procedure as primary, marked or not', () => {
    expect(makeCatalog([entry('only-one')]).primary.procedure.id).toBe('only-one');
  });

  it('takes the procedure marked primary, not the first by name, and lists it first', () => {
    const catalog = makeCatalog([entry('a-procedure'), entry('m-procedure', true), entry('b-procedure')]);
    expect(catalog.primary.procedure.id).toBe('m-procedure');
    expect(catalog.definitions.map((p) => p.id)).toEqual(['m-procedure', 'a-procedure', 'b-procedure']);
    expect(catalog.get('b-procedure')?.procedure.id).toBe('b-procedure');
  });

  it('refuses several procedures with no primary, or two, or none at all', () => {
    expect(() => makeCatalog([entry('a-procedure'), entry('b-procedure')])).toThrow(/exactly one procedure marked "primary"/);
    expect(() => makeCatalog([entry('a-procedure', true), entry('b-procedure', true)])).toThrow(RangeError);
    expect(() => makeCatalog([])).toThrow(RangeError);
  });
});
