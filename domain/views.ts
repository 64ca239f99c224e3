// Saved 台账 views: a named filter with its columns and sort, kept on this laptop only.
import { z } from 'zod';
import { strictObject, text } from './fields';
import { ledgerQuery } from './ledger';

export const viewDefinition = z.object({
  filters: ledgerQuery.omit({ offset: true, limit: true, sort: true }),
  /** The columns shown, in their order. */
  columns: z.array(z.string()).max(50),
  /** Widths in pixels the user set by dragging a header's edge (others keep their default). */
  widths: z.record(z.string(), z.number().int().min(20).max(2000)).optional(),
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
