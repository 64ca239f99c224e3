// 数据体检: rows already stored whose values break the rules of local input (written by an older
// version, or by hand) are listed with what is wrong, and can be repaired field by field or
// removed (a soft delete that 撤销 brings back), each as an ordinary change that reaches the offices.
import { z } from 'zod';

/** One value that local input could not have stored. */
export interface BadValue {
  table: string;
  tableLabel: string;
  rowId: string;
  /** The row as people know it (a name, a title), or its id. */
  rowName: string;
  column: string;
  columnLabel: string;
  /** The stored value as text, cut to 200 characters; null for NULL. */
  value: string | null;
  problem: string;
  /** 本部's tables cannot be changed at an office: it can only tell 本部. */
  hqOnly: boolean;
}

export interface DataCheckReport {
  /** Rows read (deleted rows are not checked: nothing reads them). */
  rows: number;
  problems: BadValue[];
  /** More problems exist than the list holds (DATA_CHECK_LIMIT). */
  truncated: boolean;
}

export const DATA_CHECK_LIMIT = 1000;

const tableName = z.string().regex(/^[a-z_]{1,40}$/, '表名无效');
const rowId = z.string().min(1, '缺少记录编号').max(100, '记录编号过长');

export const dataRowInput = z.strictObject({ table: tableName, id: rowId });

export const dataRepairInput = z.strictObject({
  table: tableName,
  id: rowId,
  column: z.string().regex(/^[a-z_0-9]{1,60}$/, '字段名无效'),
  /** As typed: converted to the column's kind (numbers, flags) before the column's rule checks it. */
  value: z.string().max(100_000, '内容过长').nullable(),
});
