// The shape of window.api (one function per contract method, and file.choose) and how the preload learns the method
// names: main passes them as one command-line argument, so the sandboxed preload never has to bundle
// the contract and its zod schemas. No runtime imports here: the preload bundles this file.
import type { MethodName } from '../domain/contract';
import type { ApiResult } from '../domain/errors';
import type { FILE_CHOOSE } from '../domain/file-choice';

export type PreloadApi = Record<
  MethodName | typeof FILE_CHOOSE,
  (input: unknown) => Promise<ApiResult<unknown>>
>;

const argPrefix = '--zhaoshang-api-methods=';
const methodPattern = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;

/** The argument main adds to the renderer's process.argv (webPreferences.additionalArguments). */
export function apiMethodsArg(methods: readonly string[]): string {
  for (const method of methods) {
    if (!methodPattern.test(method)) throw new Error(`Bad API method name: ${method}`);
  }
  return argPrefix + methods.join(',');
}

/** The method names from the renderer's argv; anything not shaped like "area.verb" is dropped. */
export function parseApiMethodsArg(argv: readonly string[]): string[] {
  const arg = argv.find((a) => a.startsWith(argPrefix));
  if (arg === undefined) return [];
  const names = arg.slice(argPrefix.length).split(',');
  return [...new Set(names.filter((name) => methodPattern.test(name)))];
}
