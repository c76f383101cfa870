/**
 * Past estimates: issued packets on record (electron/services/records), found, reprinted and
 * saved again byte for byte, revised, deleted and checked against the real bill. Each action
 * is in the audit trail; nothing of the patient is.
 */
import { fail, ok, type Result } from '../../core/result';
import type { RecordsService } from '../services/records/records-service';
import { SealBroken } from '../services/records/seal';
import { SharedRecordsUnavailable } from '../services/records/shared-queue';
import type { OpenedRecord, RecordStore } from '../services/records/record-store';
import type { FeatureHandlers } from './dispatch';
import { orWriteFailed, saveAsResult, type SaveFile } from './save-outcome';

type RecordChannels = 'records:status' | 'records:search' | 'records:reprint' | 'records:save-again' | 'records:revise' | 'records:delete' | 'records:set-bills';

export interface RecordsIpcDeps {
  records: Promise<RecordsService>;
  operator: string;
  saveFile: SaveFile;
  printPdf: (pdf: Uint8Array, fileName: string) => Promise<{ printed: boolean }>;
  describeWriteError: (error: unknown) => string;
}

const notFound = () => fail('not-found', 'That estimate is no longer on record (it was deleted or purged). Search again.');

export function createRecordHandlers(deps: RecordsIpcDeps): FeatureHandlers<RecordChannels> {
  const actor = { preparer: '', osUser: deps.operator };
  const withStore = async <T>(use: (store: RecordStore) => Promise<Result<T>> | Result<T>): Promise<Result<T>> => {
    const records = await deps.records;
    if (records.store === null) return fail('not-found', records.status.reason ?? 'Past estimates are not available on this computer.');
    try {
      return await use(records.store);
    } catch (error) {
      // The shared server cannot be reached just now (or refused this PC): said plainly.
      if (error instanceof SharedRecordsUnavailable) return fail('not-found', error.message);
      throw error;
    }
  };
  /** A record whose seal fails is reported by reference, never opened as if it were sound. */
  const opened = async (store: RecordStore, id: string): Promise<Result<OpenedRecord>> => {
    try {
      const record = await store.open(id);
      return record === null ? notFound() : ok(record);
    } catch (error) {
      if (!(error instanceof SealBroken)) throw error;
      const reference = (await store.row(id))?.reference ?? 'this estimate';
      return fail('internal', `The record ${reference} is damaged or was changed outside the app, so it cannot be reprinted. The other records are not affected.`);
    }
  };

  return {
    'records:status': async () => ok(await (await deps.records).currentStatus()),
    'records:search': ({ query }) => withStore(async (store) => ok(await store.search(query))),
    'records:reprint': ({ id }) =>
      withStore(async (store) => {
        const record = await opened(store, id);
        if (!record.ok) return record;
        const printed = await orWriteFailed('The packet could not be printed', () => deps.printPdf(record.value.pdf, record.value.fileName));
        if (printed.ok && printed.value.printed) await store.audit('reprint', record.value.reference, actor);
        return printed;
      }),
    'records:save-again': ({ id }) =>
      withStore(async (store) => {
        const record = await opened(store, id);
        if (!record.ok) return record;
        const saved = await saveAsResult(deps.saveFile, deps.describeWriteError, record.value.fileName, record.value.pdf, 'pdf');
        if (saved.ok && saved.value.saved) await store.audit('save-again', record.value.reference, actor);
        return saved;
      }),
    'records:revise': ({ id }) =>
      withStore(async (store) => {
        const record = await opened(store, id);
        if (!record.ok) return record;
        return ok({ id, reference: record.value.reference, caseInput: record.value.caseInput as never });
      }),
    'records:delete': ({ id }) =>
      withStore(async (store) => {
        const deleted = await orWriteFailed('The estimate could not be deleted', () => store.delete(id, actor));
        if (!deleted.ok) return deleted;
        return deleted.value ? ok(null) : notFound();
      }),
    'records:set-bills': ({ id, bills }) =>
      withStore(async (store) => {
        const row = await orWriteFailed('The bills could not be saved', () => store.setBills(id, bills, actor));
        if (!row.ok) return row;
        return row.value === null ? notFound() : ok(row.value);
      }),
  };
}
