// `call`: every contract method from a terminal, beside the named commands. The input is the
// method's JSON as the API takes it (paths are plain paths); the result prints as JSON.
import type { AppDatabase } from '../db/app-database';
import { methodNames } from '../domain/contract';
import { AppError } from '../domain/errors';
import { CliUserError, callApi } from './cli-error';

export const callUsage = `  call --list [--json]                     列出全部接口方法
  call 方法 [--json '{...}']               调用任一接口方法（输入为该方法的 JSON），输出结果 JSON`;

export const callOptions = { list: { type: 'boolean' } } as const;

/** Prints every method of the contract, one a line (as a JSON array with --json). */
export function listMethods(json: boolean): void {
  console.log(json ? JSON.stringify(methodNames, null, 2) : methodNames.join('\n'));
}

/** Refuses a method the contract does not have, before any database is opened. */
export function checkMethod(method: string | undefined): string {
  if (!method) throw new CliUserError(`缺少接口方法（call --list 列出全部方法）`);
  if (!(methodNames as string[]).includes(method)) {
    const { code, message } = new AppError('UNKNOWN_METHOD', method);
    throw new CliUserError(`${message}（call --list 列出全部方法）`, code);
  }
  return method;
}

/** Calls `method` with `input` as the window would, and prints its result as JSON. */
export async function runCall(app: AppDatabase, method: string, input: unknown): Promise<void> {
  const data = await callApi(app, method, input);
  console.log(JSON.stringify(data ?? null, null, 2));
}
