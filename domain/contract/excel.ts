// Excel: a preview of what a 台账 import would do, then its write; export of a filter; the 月报.
import type { FileResult, LedgerImportResult } from '../excel/calls';
import {
  ledgerExportInput,
  ledgerImportCommitInput,
  ledgerImportPreviewInput,
  monthlyReportInput,
} from '../excel/calls';
import { method } from './method';

export const excelMethods = {
  'ledger.importPreview': method<typeof ledgerImportPreviewInput, LedgerImportResult>(
    ledgerImportPreviewInput,
  ),
  'ledger.importCommit': method<typeof ledgerImportCommitInput, LedgerImportResult>(
    ledgerImportCommitInput,
  ),
  'ledger.export': method<typeof ledgerExportInput, FileResult>(ledgerExportInput),
  'report.monthly': method<typeof monthlyReportInput, FileResult>(monthlyReportInput),
};
