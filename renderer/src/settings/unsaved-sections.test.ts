import { describe, expect, it } from 'vitest';
import { createSectionRegistry, type SaveOutcome } from './unsaved-sections';

const entry = (title: string, dirty: boolean, outcome: SaveOutcome, saved: string[]) => ({
  title,
  dirty,
  save: async () => {
    saved.push(title);
    return outcome;
  },
});

describe('section registry', () => {
  it('lists the sections with unsaved changes in page order, whatever order they told it', () => {
    const registry = createSectionRegistry();
    const saved: string[] = [];
    registry.set('fees', entry('Fee schedule', true, { kind: 'saved' }, saved));
    registry.set('defaults', entry('Defaults for new estimates', false, { kind: 'saved' }, saved));
    registry.set('clinic', entry('Clinic profile', true, { kind: 'saved' }, saved));
    expect(registry.unsaved().map((s) => s.title)).toEqual(['Clinic profile', 'Fee schedule']);
    registry.remove('clinic');
    expect(registry.unsaved().map((s) => s.id)).toEqual(['fees']);
  });

  it('Save all saves every changed section and says so; one invalid section stops leaving at its first field, the rest still saved', async () => {
    const registry = createSectionRegistry();
    const saved: string[] = [];
    registry.set('clinic', entry('Clinic profile', true, { kind: 'saved' }, saved));
    registry.set('records', entry('Records and privacy', false, { kind: 'saved' }, saved));
    expect(await registry.saveAll()).toEqual({ ok: true });
    expect(saved).toEqual(['Clinic profile']);

    saved.length = 0;
    registry.set('defaults', entry('Defaults for new estimates', true, { kind: 'invalid', focusId: 'set-discount' }, saved));
    registry.set('fees', entry('Fee schedule', true, { kind: 'invalid', focusId: 'fee-x-high' }, saved));
    registry.set('contracts', entry('Payer contracts', true, { kind: 'failed' }, saved));
    expect(await registry.saveAll()).toEqual({ ok: false, focusId: 'set-discount' });
    expect(saved).toEqual(['Clinic profile', 'Defaults for new estimates', 'Fee schedule', 'Payer contracts']);
  });

  it('a section the main side refused keeps staff on Settings with no field to focus', async () => {
    const registry = createSectionRegistry();
    registry.set('contracts', entry('Payer contracts', true, { kind: 'failed' }, []));
    expect(await registry.saveAll()).toEqual({ ok: false, focusId: null });
  });
});
