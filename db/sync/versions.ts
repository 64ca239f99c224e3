// Which schema versions can read a sync file: the first one with the sync tables. A later,
// incompatible change to the file's meaning would raise this and make old readers say NEEDS_UPGRADE.
import { migrationNames } from '../migrations/index';

export const MIN_READER_SCHEMA = migrationNames.indexOf('003-sync') + 1;
