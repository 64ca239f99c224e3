// Connects the window's API to Electron IPC: one ipcMain.handle per method (the contract's and
// file.choose), each checking the sender before handing the input to the window's dispatch (see
// db/window-dispatch.ts: handles instead of paths; the dispatcher validates and never throws).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../db/dispatcher';
import type { ApiResult } from '../domain/errors';
import { errorMessages } from '../domain/errors';
import { windowMethodNames } from '../domain/file-choice';
import { isTrustedSender } from './security';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Trusts only the top frame of a page on app://renderer (or the dev server, when given). */
export function trustedFrameCheck(devServerUrl?: string): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    return frame !== null && isTrustedSender(frame.url, frame.parent === null, devServerUrl);
  };
}

const forbidden: ApiResult<never> = {
  ok: false,
  code: 'FORBIDDEN_SENDER',
  message: errorMessages.FORBIDDEN_SENDER,
};

const internal: ApiResult<never> = {
  ok: false,
  code: 'INTERNAL',
  message: errorMessages.INTERNAL,
};

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrusted: SenderCheck,
): void {
  for (const method of windowMethodNames) {
    ipcMain.handle(method, async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrusted(event)) return forbidden;
      try {
        return await dispatch(method, input);
      } catch {
        // The dispatcher promises never to throw; if it does, the renderer still gets a result value.
        return internal;
      }
    });
  }
}
