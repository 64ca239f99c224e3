// The API as the app's window sees it (Electron IPC and the browser harness's /rpc): the contract's
// methods, where every path input takes a handle from FileHandles instead of a path, listed files
// come with handles, and file.choose opens the main process's dialog. The CLI and in-process
// callers use the dispatcher directly and keep passing paths.
import { basename } from 'node:path';
import { AppError, errorMessages } from '../domain/errors';
import type { ApiResult } from '../domain/errors';
import { FILE_CHOOSE, fileChooseInput, handedOutFiles, pathInputs } from '../domain/file-choice';
import type { ChosenFile, FileChoice } from '../domain/file-choice';
import type { Dispatch } from './dispatcher';
import type { FileHandles } from './file-handles';

/** Shows the dialog (or its stand-in) for this choice: the chosen path, or null if cancelled. */
export type FilePicker = (choice: FileChoice) => Promise<string | null>;

export function windowDispatch(
  dispatch: Dispatch,
  handles: FileHandles,
  pick: FilePicker,
): Dispatch {
  return async (method, input) => {
    if (method === FILE_CHOOSE) return chooseFile(input, handles, pick);
    let resolved: unknown;
    try {
      resolved = withPaths(method, input, handles);
    } catch (error) {
      return failure(error);
    }
    const result = await dispatch(method, resolved);
    return result.ok ? { ok: true, data: withHandles(method, result.data, handles) } : result;
  };
}

async function chooseFile(
  input: unknown,
  handles: FileHandles,
  pick: FilePicker,
): Promise<ApiResult<ChosenFile | null>> {
  const parsed = fileChooseInput.safeParse(input);
  if (!parsed.success) {
    return failure(
      new AppError('VALIDATION', parsed.error.issues.map((i) => i.message).join('；')),
    );
  }
  try {
    const path = await pick(parsed.data);
    if (path === null) return { ok: true, data: null };
    const { use, kind } = parsed.data;
    const handle = handles.grant(path, { use, kind });
    return { ok: true, data: { handle, name: basename(path), path } };
  } catch (error) {
    return failure(error);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The input with its path field's handle replaced by the path; a path or a bad handle throws. */
function withPaths(method: string, input: unknown, handles: FileHandles): unknown {
  const spec = Object.hasOwn(pathInputs, method)
    ? pathInputs[method as keyof typeof pathInputs]
    : undefined;
  if (spec === undefined || !isRecord(input) || !Object.hasOwn(input, spec.field)) return input;
  return { ...input, [spec.field]: handles.resolve(input[spec.field], spec.purpose) };
}

/** Listed files the main process chose itself, each given a handle the window can pass back. */
function withHandles(method: string, data: unknown, handles: FileHandles): unknown {
  const spec = Object.hasOwn(handedOutFiles, method)
    ? handedOutFiles[method as keyof typeof handedOutFiles]
    : undefined;
  if (spec === undefined) return data;
  const add = (item: unknown): unknown => {
    if (!isRecord(item)) return item;
    const file = item[spec.field];
    return typeof file === 'string' ? { ...item, handle: handles.grant(file, spec.purpose) } : item;
  };
  return Array.isArray(data) ? data.map(add) : add(data);
}

function failure(error: unknown): ApiResult<never> {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
  console.error(error);
  return { ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL };
}
