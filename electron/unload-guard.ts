// Closing (or reloading) the window while a form holds unsaved edits: the page's beforeunload handler
// (renderer shell/leave-guard.tsx) vetoes the unload, and Electron, which shows no question of its
// own, raises 'will-prevent-unload'. The user is asked here; preventing that event lets the window
// close after all. The edits of the project form are kept as a draft in the page either way.
import type { MessageBoxSyncOptions } from 'electron';
import { APP_TITLE } from './security';

/** The part of webContents this touches; a real BrowserWindow's webContents satisfies it. */
export interface UnloadingContents {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
}

export const unloadQuestion: MessageBoxSyncOptions = {
  type: 'question',
  title: APP_TITLE,
  message: '有未保存的修改，仍要关闭吗？',
  detail:
    '关闭后，项目表单中的修改会作为草稿保留，下次打开该项目时可以恢复；其他表单中填写的内容将丢失。',
  buttons: ['留在此页', '不保存，关闭'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/** `ask` shows the question (synchronously: the event must be answered before it returns). */
export function guardUnload(
  contents: UnloadingContents,
  ask: (question: MessageBoxSyncOptions) => number,
): void {
  contents.on('will-prevent-unload', (event) => {
    const leave = ask(unloadQuestion) === 1;
    if (leave) event.preventDefault();
  });
}
