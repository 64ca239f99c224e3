// The calls an Excel test makes on its database (`app()`, opened afresh per test): any API call,
// awaited and checked; a synchronous one; and an import's preview and commit.
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import type { ApiResult } from '../../domain/errors';
import type { LedgerImportResult } from '../../domain/excel/calls';
import { expectOk } from '../helpers';

export function excelCalls(app: () => AppDatabase) {
  const call = async <T>(method: string, input: unknown): Promise<T> =>
    expectOk((await dispatch(app(), method, input)) as ApiResult<T>);
  const sync = <T>(method: string, input: unknown) =>
    expectOk(dispatchSync(app(), method, input)) as T;
  const preview = (file: string) => call<LedgerImportResult>('ledger.importPreview', { file });
  const commit = (result: LedgerImportResult) =>
    call<LedgerImportResult>('ledger.importCommit', { previewId: result.previewId });
  return { call, sync, preview, commit };
}
