// The renderer's only way to the backend: window.api (the Electron preload, or /web-api.js in the
// browser harness) has one function per contract method, and file.choose; `call` and `chooseFile`
// type them and turn a failed result into an exception carrying the Chinese message.
import type { MethodArgs, MethodName, MethodOutput } from '../../../domain/contract';
import type { ApiResult, ErrorCode } from '../../../domain/errors';
import type { ChosenFile, FILE_CHOOSE, FileChoice } from '../../../domain/file-choice';
import { readMethods } from '../../../domain/contract/reads';

export type WindowApi = {
  [M in MethodName]: (input: MethodArgs<M>) => Promise<ApiResult<MethodOutput<M>>>;
} & {
  [FILE_CHOOSE]: (input: FileChoice) => Promise<ApiResult<ChosenFile | null>>;
};

declare global {
  interface Window {
    api?: WindowApi;
  }
}

/** A failed call: `message` is the Chinese text to show, `code` the stable error code. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'UNREACHABLE';
  constructor(code: ErrorCode | 'UNREACHABLE', message: string) {
    super(message);
    this.code = code;
    this.name = 'ApiError';
  }
}

/** Methods whose input may be left out (app.status, dictionary.list …) take no second argument. */
type InputArgs<M extends MethodName> =
  undefined extends MethodArgs<M> ? [input?: MethodArgs<M>] : [input: MethodArgs<M>];

let writes = 0;

/** How many calls that may change data the window has made (a prefetched answer is stale after one). */
export const writesMade = (): number => writes;

export function call<M extends MethodName>(
  method: M,
  ...[input]: InputArgs<M>
): Promise<MethodOutput<M>> {
  if (!readMethods.has(method)) writes += 1;
  return invoke<MethodOutput<M>>(method, input);
}

/**
 * Opens the app's own file dialog; resolves to the chosen file's handle (pass it where a method
 * takes a file), or null when the user cancels. The window never names a path itself.
 */
export function chooseFile(choice: FileChoice): Promise<ChosenFile | null> {
  return invoke<ChosenFile | null>('file.choose', choice);
}

async function invoke<T>(method: keyof WindowApi, input: unknown): Promise<T> {
  const fn = window.api?.[method] as ((input: unknown) => Promise<ApiResult<T>>) | undefined;
  if (typeof fn !== 'function') {
    throw new ApiError('UNREACHABLE', `无法连接数据服务（接口 ${method} 不可用），请重新启动应用`);
  }
  let result: ApiResult<T>;
  try {
    result = await fn(input);
  } catch {
    throw new ApiError('UNREACHABLE', '无法连接数据服务，请检查应用是否仍在运行');
  }
  if (!result.ok) throw new ApiError(result.code, result.message);
  return result.data;
}

/** The message to show for anything a call may throw. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
