import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../core/settings';
import { shippedProcedureData } from '../../../core/testing/shipped-procedure';
import { toCaseJson } from './form-case-json';
import { formErrors, fromDraft, initialValues, toDraft } from './form-model';
import { rememberedPreparedBy, rememberPreparedBy, type SmallStorage } from './prepared-by-store';

const { procedure } = shippedProcedureData();
const defaults = defaultSettings.defaults;

function memoryStorage(): SmallStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('Prepared by, remembered on this computer', () => {
  it('gives back the initials last typed, and nothing on a new computer', () => {
    const storage = memoryStorage();
    expect(rememberedPreparedBy(storage)).toBe('');
    rememberPreparedBy('JD', storage);
    expect(rememberedPreparedBy(storage)).toBe('JD');
  });

  it('never fails when storage is missing or refuses', () => {
    const refusing: SmallStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(() => rememberPreparedBy('JD', refusing)).not.toThrow();
    expect(rememberedPreparedBy(refusing)).toBe('');
    expect(rememberedPreparedBy(null)).toBe('');
  });

  it('does not fill the form with long text that cannot be initials', () => {
    const storage = memoryStorage();
    storage.items.set('clinic.preparedBy', 'x'.repeat(500));
    expect(rememberedPreparedBy(storage)).toBe('');
  });
});

describe('Prepared by on the form', () => {
  const filled = { ...initialValues(defaults, 'JD'), firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' };

  it('starts a fresh form with the remembered initials and sends them with the packet, not with the live estimate', () => {
    expect(filled.preparedBy).toBe('JD');
    expect(toCaseJson(filled, procedure).preparedBy).toBe('JD');
    expect(toCaseJson({ ...filled, preparedBy: '  ' }, procedure)).not.toHaveProperty('preparedBy');
    expect(toCaseJson(filled, procedure, { estimateOnly: true })).not.toHaveProperty('preparedBy');
  });

  it("shows core's limit at the field, and it never stops the live estimate", () => {
    const errors = formErrors({ ...filled, preparedBy: 'ABCDEFGHIJKLM' }, { today: '2026-03-01', procedure });
    expect(errors.preparedBy).toMatch(/at most 12 characters/);
    expect(Object.keys(errors)).toEqual(['preparedBy']);
  });

  it('is kept in drafts; a draft from before it existed takes the remembered initials', () => {
    expect(fromDraft(toDraft({ ...filled, preparedBy: 'MK' }, new Set(['preparedBy'])), defaults, procedure, 'JD').values.preparedBy).toBe('MK');
    expect(fromDraft({ firstName: 'Ana' }, defaults, procedure, 'JD').values.preparedBy).toBe('JD');
  });
});
