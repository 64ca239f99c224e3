// Where backups go: a folder beside the database. A module of its own, so that the Electron main
// thread, which opens its file dialogs there, loads none of the backup code (that runs in the
// database host's writer thread).
import { dirname, join } from 'node:path';

export function backupDir(database: { readonly file: string }): string {
  return join(dirname(database.file), 'backups');
}
