// A new backup counts only once it is opened read-only and checked: a copy that fails the check is
// deleted and the call fails with a Chinese message, leaving the backups folder as it was.
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch } from '../../db/dispatcher';
import { backupDir } from '../../db/services/backups';
import { errorMessages } from '../../domain/errors';
import { openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

test('a copy that fails its check is deleted and refused in Chinese', async () => {
  // A migration this version does not know: the copy would be refused on restore, so not kept.
  app.sqlite
    .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
    .run('9999_from_a_newer_app', new Date().toISOString());
  const result = await dispatch(app, 'backup.create', {});
  expect(result).toMatchObject({ ok: false, code: 'BACKUP_NEWER' });
  expect(result.ok ? '' : result.message).toContain(errorMessages.BACKUP_NEWER);
  const dir = backupDir(app);
  expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
});
