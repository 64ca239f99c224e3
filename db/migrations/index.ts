// All migrations, in code and in order, for Kysely's Migrator.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m001 from './001-initial';
import * as m002 from './002-workspace';
import * as m003 from './003-sync';
import * as m004 from './004-dashboard';
import * as m005 from './005-dashboard-groups';
import * as m006 from './006-zone';
import * as m007 from './007-zone-keys';
import * as m008 from './008-import-log-manifest';
import * as m009 from './009-location';
import * as m010 from './010-key-investment';
import * as m011 from './011-rules-by-year';
import * as m012 from './012-stalled-fallback';
import * as m014 from './014-foreign-amount-indexes';
import * as m015 from './015-group-flags';
import * as m016 from './016-identity-codes';
import * as m017 from './017-merges';
import * as m018 from './018-claims';
import * as m019 from './019-not-duplicate';
import * as m020 from './020-import-undo';
import * as m021 from './021-compaction';
import * as m022 from './022-settled-rows';
import * as m023 from './023-match-key';

const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '002-workspace': m002,
  '003-sync': m003,
  '004-dashboard': m004,
  '005-dashboard-groups': m005,
  '006-zone': m006,
  '007-zone-keys': m007,
  '008-import-log-manifest': m008,
  '009-location': m009,
  '010-key-investment': m010,
  '011-rules-by-year': m011,
  '012-stalled-fallback': m012,
  '014-foreign-amount-indexes': m014,
  '015-group-flags': m015,
  '016-identity-codes': m016,
  '017-merges': m017,
  '018-claims': m018,
  '019-not-duplicate': m019,
  '020-import-undo': m020,
  '021-compaction': m021,
  '022-settled-rows': m022,
  '023-match-key': m023,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const migrationNames = Object.keys(migrations);
export const SCHEMA_VERSION = migrationNames.length;
