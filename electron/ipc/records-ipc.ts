/** Past estimates: issued packets on record (electron/services/records), found, reprinted, revised, deleted, checked against the bill. */
import { fail } from '../../core/result';
import type { FeatureHandlers } from './dispatch';

type RecordChannels = 'records:status' | 'records:search' | 'records:reprint' | 'records:save-again' | 'records:revise' | 'records:delete' | 'records:set-bills';

const notYet = () => Promise.resolve(fail('internal', 'Past estimates are not available yet.'));

export function createRecordHandlers(): FeatureHandlers<RecordChannels> {
  return {
    'records:status': () => Promise.resolve({ ok: true as const, value: { available: false, reason: 'Past estimates are not available yet.', purged: 0, unreadable: [], auditProblem: null } }),
    'records:search': notYet,
    'records:reprint': notYet,
    'records:save-again': notYet,
    'records:revise': notYet,
    'records:delete': notYet,
    'records:set-bills': notYet,
  };
}
