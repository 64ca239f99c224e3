// Saved ledger views (named filter, columns and sort). They live in a local table: a view is one
// person's way of looking at the ledger, not data to sync.
import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../domain/errors';
import type { SavedView, viewSaveInput } from '../../domain/views';
import type { Tx } from '../app-database';

export function listViews(tx: Tx): SavedView[] {
  const rows = tx.sql
    .prepare('SELECT id, name, definition FROM saved_view ORDER BY name')
    .all() as {
    id: string;
    name: string;
    definition: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    definition: JSON.parse(r.definition) as SavedView['definition'],
  }));
}

/** Saves under a name; saving again under the same name replaces that view. */
export function saveView(tx: Tx, input: z.output<typeof viewSaveInput>): SavedView {
  const existing = tx.sql.prepare('SELECT id FROM saved_view WHERE name = ?').get(input.name) as
    { id: string } | undefined;
  const id = existing?.id ?? uuidv7();
  tx.sql
    .prepare(
      `INSERT INTO saved_view (id, name, definition, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET definition = excluded.definition`,
    )
    .run(id, input.name, JSON.stringify(input.definition), new Date().toISOString());
  return { id, name: input.name, definition: input.definition };
}

export function deleteView(tx: Tx, id: string): { id: string } {
  const result = tx.sql.prepare('DELETE FROM saved_view WHERE id = ?').run(id);
  if (result.changes === 0) throw new AppError('NOT_FOUND', `视图 ${id}`);
  return { id };
}
