/** The draft feature: the form as staff left it, encrypted on this PC. */
import { ok } from '../../core/result';
import type { DraftStore } from '../services/draft-store';
import type { FeatureHandlers } from './dispatch';
import { orWriteFailed } from './save-outcome';

export function createDraftHandlers(deps: { drafts: DraftStore }): FeatureHandlers<'draft:get' | 'draft:save' | 'draft:clear'> {
  return {
    'draft:get': async () => ok(await deps.drafts.get()),
    'draft:save': (draft) => orWriteFailed('The draft could not be saved', async () => {
      await deps.drafts.save(draft);
      return null;
    }),
    'draft:clear': (_none) => orWriteFailed('The draft could not be deleted', async () => {
      await deps.drafts.clear();
      return null;
    }),
  };
}
