/**
 * The Settings sections with changes not saved yet: each section tells the registry its title,
 * whether it has unsaved changes and how to save them; leaving Settings asks about those
 * (Save all and leave / Leave without saving / Stay). Pure; tested in Node.
 */

/** How one section's Save ended: saved, refused at a field (focus it), or refused by the main side (its message shows). */
export type SaveOutcome = { kind: 'saved' } | { kind: 'invalid'; focusId: string } | { kind: 'failed' };

export interface SectionEntry {
  title: string;
  dirty: boolean;
  save: () => Promise<SaveOutcome>;
}

/** The sections in page order (Save all goes down the page; the first invalid field is the one staff see first). */
export const sectionOrder = ['clinic', 'doctors', 'otherProviders', 'defaults', 'records', 'sharedRecords', 'fees', 'medicare', 'contracts'] as const;
export type SectionId = (typeof sectionOrder)[number];

/** Everything was saved, or what stopped it: the first invalid field, if a field did. */
export type SaveAllOutcome = { ok: true } | { ok: false; focusId: string | null };

export interface SectionRegistry {
  set(id: SectionId, entry: SectionEntry): void;
  remove(id: SectionId): void;
  /** The sections with unsaved changes, in page order. */
  unsaved(): { id: SectionId; title: string }[];
  /** Saves every section with unsaved changes, in page order; those that cannot be saved say why at their fields. */
  saveAll(): Promise<SaveAllOutcome>;
}

export function createSectionRegistry(): SectionRegistry {
  const entries = new Map<SectionId, SectionEntry>();
  const dirty = () => sectionOrder.flatMap((id) => {
    const entry = entries.get(id);
    return entry?.dirty === true ? [{ id, entry }] : [];
  });
  return {
    set: (id, entry) => void entries.set(id, entry),
    remove: (id) => void entries.delete(id),
    unsaved: () => dirty().map(({ id, entry }) => ({ id, title: entry.title })),
    async saveAll() {
      let stopped: SaveAllOutcome = { ok: true };
      for (const { entry } of dirty()) {
        const outcome = await entry.save();
        if (outcome.kind === 'saved' || !stopped.ok) continue;
        stopped = { ok: false, focusId: outcome.kind === 'invalid' ? outcome.focusId : null };
      }
      return stopped;
    },
  };
}
