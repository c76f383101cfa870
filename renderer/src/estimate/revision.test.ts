import { describe, expect, it } from 'vitest';
import type { RecordRevision } from '../../../core/ipc/contract';
import { defaultSettings } from '../../../core/settings';
import { shippedProcedureData } from '../../../core/testing/shipped-procedure';
import { caseJsonFor } from './form-case-json';
import { fromDraft, toDraft } from './form-model';
import { revisingNotice, revisionStart, withRevises } from './revision';

const { procedure } = shippedProcedureData();
const defaults = defaultSettings.defaults;
const id = '0123456789abcdef0123456789abcdef';
const issuedAt = new Date(2026, 1, 3, 10, 0).toISOString();
const revision: RecordRevision = {
  id,
  reference: 'VP-2026-0007',
  caseInput: {
    patient: { firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '1949-02-28' },
    procedure: { id: procedure.id, levels: 1, site: 'office', sedation: 'local' },
    coverage: { kind: 'uninsured' },
    preparedBy: 'AB',
    revises: 'f'.repeat(32),
    language: 'en',
    largePrint: false,
  },
};

describe('Revise', () => {
  const start = revisionStart(revision, { issuedAt }, defaults, 'JD');

  it('opens the form filled from the record, prepared by whoever is at this computer now', () => {
    expect(start.values).toMatchObject({ firstName: 'Zephyrine', lastName: 'Quillfeather', dateOfBirth: '02/28/1949', coverageKind: 'uninsured', preparedBy: 'JD' });
    expect(start.revising).toEqual({ id, reference: 'VP-2026-0007', issuedAt });
    expect(start.restored).toBe(false);
  });

  it('sends the record it replaces with the packet (not the one that record replaced)', () => {
    const input = withRevises(caseJsonFor(start.values, start.edited, { procedure }), start.revising);
    expect(input.revises).toBe(id);
    expect(input.preparedBy).toBe('JD');
    expect(withRevises(caseJsonFor(start.values, start.edited, { procedure }), null)).not.toHaveProperty('revises');
  });

  it('says which estimate is being revised, and from when', () => {
    expect(revisingNotice({ id, reference: 'VP-2026-0007', issuedAt })).toBe(
      'Revising estimate VP-2026-0007 from 02/03/2026. The packet you print or save now replaces it; both stay on record.',
    );
  });

  it('is kept in the draft, so a reload still revises the same record; a damaged link is dropped', () => {
    const draft = toDraft(start.values, start.edited, start.revising);
    expect(fromDraft(draft, defaults, procedure).revising).toEqual(start.revising);
    expect(fromDraft(toDraft(start.values, start.edited), defaults, procedure).revising).toBeNull();
    expect(fromDraft({ ...draft, _revisesId: 'not-an-id' }, defaults, procedure).revising).toBeNull();
  });
});
