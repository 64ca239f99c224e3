// Saved 台账 views: a named filter with its columns and sort, kept on this laptop only.
import { z } from 'zod';
import { strictObject, text } from './fields';
import { ledgerQuery } from './ledger';

export const viewDefinition = z.object({
  filters: ledgerQuery.omit({ offset: true, limit: true, sort: true }),
  columns: z.array(z.string()).max(50),
  sort: z.object({ key: z.string(), dir: z.enum(['asc', 'desc']) }),
});
export const viewSaveInput = strictObject({
  name: text('视图名称', 50).min(1, '请填写视图名称'),
  definition: viewDefinition,
});
export interface SavedView {
  id: string;
  name: string;
  definition: z.infer<typeof viewDefinition>;
}
