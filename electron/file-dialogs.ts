// file.choose in the app: Electron's own open and save dialogs, filtered to the file's kind and
// starting in a folder the main process picks. The path the user chooses stays in the main process
// (see db/file-handles.ts); the window gets a handle for it.
import path from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FilePicker } from '../db/window-dispatch';
import { fileKinds } from '../domain/file-choice';
import type { FileChoice, FileKind } from '../domain/file-choice';

export type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

const titles: Record<FileChoice['use'], string> = { open: '选择', save: '保存' };

export function dialogPicker(
  dialog: DialogApi,
  /** The window the dialog belongs to (modal to it), if there is one. */
  parent: () => BrowserWindow | null,
  /** The folder a dialog for this kind starts in. */
  startFolder: (kind: FileKind) => string,
): FilePicker {
  return async (choice) => {
    const kind = fileKinds[choice.kind];
    const filters = [
      { name: kind.label, extensions: [...kind.extensions] },
      { name: '所有文件', extensions: ['*'] },
    ];
    const folder = startFolder(choice.kind);
    const window = parent();
    if (choice.use === 'open') {
      const options: OpenDialogOptions = {
        title: `${titles.open}${kind.label}`,
        defaultPath: folder,
        filters,
        properties: ['openFile', 'dontAddToRecent'],
      };
      const result = await (window
        ? dialog.showOpenDialog(window, options)
        : dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    }
    const options: SaveDialogOptions = {
      title: `${titles.save}${kind.label}`,
      defaultPath: choice.name ? path.join(folder, choice.name) : folder,
      filters,
      properties: ['showOverwriteConfirmation', 'createDirectory', 'dontAddToRecent'],
    };
    const result = await (window
      ? dialog.showSaveDialog(window, options)
      : dialog.showSaveDialog(options));
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
