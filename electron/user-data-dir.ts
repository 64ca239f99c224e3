// Where the app keeps its data: Electron's user-data folder (%APPDATA%\招商项目管理,
// ~/.config/招商项目管理), or the folder a `--user-data-dir=<absolute path>` switch names — a second
// profile on one laptop, or a smoke test on a throwaway folder.
import path from 'node:path';

/** The folder a `--user-data-dir` switch value names, or null when absent or not absolute. */
export function userDataDirFromSwitch(value: string): string | null {
  // A relative path would depend on where a shortcut happened to start the app.
  if (value.trim() === '' || !path.isAbsolute(value)) return null;
  return path.normalize(value);
}
