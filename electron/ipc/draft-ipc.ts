/** The draft feature: the form as staff left it, encrypted on this PC. */
import { ok } from '../../core/result';
import type { DraftStore } from '../services/draft-store';
import type { FeatureHandlers } from './dispatch';

export function createDraftHandlers(deps: { drafts: DraftStore }): FeatureHandlers<'draft:get' | 'draft:save' | 'draft:clear'> {
  return {
    'draft:get': async () => ok(await deps.drafts.get()),
    'draft:save': async (draft) => {
      await deps.drafts.save(draft);
      return ok(null);
    },
    'draft:clear': async () => {
      await deps.drafts.clear();
      return ok(null);
    },
  };
}
