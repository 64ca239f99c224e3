// Files the app's window works with are chosen in the main process's own dialogs, never named by
// the window: the window asks for a dialog (file.choose, a window-only method beside the contract)
// and gets an opaque handle, which it passes where a contract method takes a path. The CLI still
// passes paths. This file says which inputs are paths and what a handle chosen for them may do.
import { z } from 'zod';
import { methodNames } from './contract';
import { fileName } from './fields';
import type { MethodName } from './contract';

/** The window-only method that opens the main process's file dialog. */
export const FILE_CHOOSE = 'file.choose';

/** Every method the window's API has: the contract's, and file.choose. */
export const windowMethodNames: readonly string[] = [...methodNames, FILE_CHOOSE];

/** What the chosen file is: decides the dialog's filter and which inputs take its handle. */
export const fileKinds = {
  backup: { label: '数据库备份', extensions: ['sqlite'] },
  sync: { label: '同步文件', extensions: ['zsync'] },
  workbook: { label: 'Excel 工作簿', extensions: ['xlsx'] },
  invitation: { label: '分区邀请', extensions: ['zsinvite'] },
} as const;
export type FileKind = keyof typeof fileKinds;

/** `open`: an existing file to read; `save`: a file to write (created or replaced). */
export type FileUse = 'open' | 'save';

export interface FilePurpose {
  use: FileUse;
  kind: FileKind;
}

export const fileChooseInput = z.strictObject({
  use: z.enum(['open', 'save'], { error: '文件用途无效' }),
  kind: z.enum(Object.keys(fileKinds) as [FileKind, ...FileKind[]], { error: '文件类别无效' }),
  /** The file name a save dialog suggests (no folders). */
  name: fileName.optional(),
});
export type FileChoice = z.output<typeof fileChooseInput>;

/** What file.choose answers (null when the dialog was cancelled). */
export interface ChosenFile {
  /** Pass this where a method takes the file; it is good until the app quits. */
  handle: string;
  /** The file's own name and full path, for display only. */
  name: string;
  path: string;
}

/**
 * Every contract input field that names a file or folder, with the purpose a handle passed there
 * must have been chosen for. From the window, these fields take handles only. A method added to the
 * contract with a path field belongs here (tests/domain/file-choice.test.ts checks the contract).
 */
export const pathInputs: Partial<Record<MethodName, { field: string; purpose: FilePurpose }>> = {
  'backup.create': { field: 'file', purpose: { use: 'save', kind: 'backup' } },
  'backup.check': { field: 'file', purpose: { use: 'open', kind: 'backup' } },
  'backup.restore': { field: 'file', purpose: { use: 'open', kind: 'backup' } },
  'ledger.importPreview': { field: 'file', purpose: { use: 'open', kind: 'workbook' } },
  'ledger.export': { field: 'out', purpose: { use: 'save', kind: 'workbook' } },
  'report.monthly': { field: 'out', purpose: { use: 'save', kind: 'workbook' } },
  'sync.export': { field: 'out', purpose: { use: 'save', kind: 'sync' } },
  'sync.import': { field: 'file', purpose: { use: 'open', kind: 'sync' } },
  'sync.snapshot': { field: 'out', purpose: { use: 'save', kind: 'sync' } },
  'sync.loadSnapshot': { field: 'file', purpose: { use: 'open', kind: 'sync' } },
  'sync.readExport': { field: 'file', purpose: { use: 'open', kind: 'sync' } },
  'zone.invite': { field: 'out', purpose: { use: 'save', kind: 'invitation' } },
  'zone.join': { field: 'file', purpose: { use: 'open', kind: 'invitation' } },
};

/**
 * Outputs that name files the main process chose itself (the backups folder's copies, a backup
 * kept from bytes the window sent): for the window, each item with this field also carries a
 * `handle` for it, good for this purpose.
 */
export const handedOutFiles: Partial<Record<MethodName, { field: string; purpose: FilePurpose }>> =
  {
    'backup.list': { field: 'file', purpose: { use: 'open', kind: 'backup' } },
    'backup.importData': { field: 'file', purpose: { use: 'open', kind: 'backup' } },
  };
