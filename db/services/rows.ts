// Converts between API records (camelCase, booleans, arrays) and rows (snake_case, 0/1, JSON text).
import { camel, snake } from '../../domain/column-names';
import { readTextList } from '../../domain/stored-values';
import type { Fields, FieldValue } from '../mutation';

export { camel, snake };

export interface RowShape {
  booleans?: readonly string[];
  lists?: readonly string[];
}

/** Input keys to columns; undefined keys are left out, so a patch writes only what it names. */
export function toRow(input: Record<string, unknown>, shape: RowShape = {}): Fields {
  const row: Fields = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (shape.booleans?.includes(key)) row[snake(key)] = value ? 1 : 0;
    else if (shape.lists?.includes(key)) row[snake(key)] = JSON.stringify(value ?? []);
    else row[snake(key)] = value as FieldValue;
  }
  return row;
}

export function fromRow<T>(row: Record<string, unknown>, shape: RowShape = {}): T {
  const out: Record<string, unknown> = {};
  for (const [col, value] of Object.entries(row)) {
    if (col === 'deleted') continue;
    const key = camel(col);
    if (shape.booleans?.includes(key)) out[key] = value === 1;
    else if (shape.lists?.includes(key)) out[key] = readTextList(value);
    else out[key] = value;
  }
  return out as T;
}
