/**
 * A Settings section tells the screen's registry (unsaved-sections.ts) whether it has unsaved
 * changes and how to save them, on every render; it leaves the registry when it unmounts.
 */
import { createContext, useContext, useEffect } from 'react';
import type { SaveOutcome, SectionId, SectionRegistry } from './unsaved-sections';

export const SectionRegistryContext = createContext<SectionRegistry | null>(null);

export function useUnsavedSection(id: SectionId, title: string, dirty: boolean, save: () => Promise<SaveOutcome>): void {
  const registry = useContext(SectionRegistryContext);
  useEffect(() => {
    registry?.set(id, { title, dirty, save });
  });
  useEffect(() => () => registry?.remove(id), [registry, id]);
}
