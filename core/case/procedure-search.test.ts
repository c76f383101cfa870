import { describe, expect, it } from 'vitest';
import { matchProcedure } from './procedure-search';
import { shippedProcedureData } from '../testing/shipped-procedure';

const { procedure } = shippedProcedureData();

describe('matchProcedure', () => {
  it.each(['vertebroplasty', 'Lumbar', 'lumbar vertebroplasty', '22511', 'CPT 22512'])('finds the procedure by "%s"', (query) => {
    expect(matchProcedure(query, procedure)?.procedure.id).toBe('vertebroplasty-lumbar');
  });

  it('finds it by the seed code 22371 and says why the code differs', () => {
    const match = matchProcedure('22371', procedure);
    expect(match?.procedure.id).toBe('vertebroplasty-lumbar');
    expect(match?.note).toMatch(/22371 is not a CPT code/);
    expect(match?.note).toMatch(/22511/);
  });

  it.each(['', '  ', 'kyphoplasty', '22513', 'cervical', 'a', '1', 'plasty', '2251', 'kyphoplasty 22371', 'vertebroplasty cervical'])('does not match "%s"', (query) => {
    expect(matchProcedure(query, procedure)).toBeNull();
  });
});
