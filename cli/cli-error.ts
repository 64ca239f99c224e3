// What the CLI's commands share: the error a user caused (its Chinese message is printed alone on
// stderr, with a non-zero exit), the one way a command calls the API, and the context each group of
// commands (zone, sync, ledger, the rest) is handed.
import type { AppDatabase } from '../db/app-database';
import { dispatch } from '../db/dispatcher';

export class CliUserError extends Error {
  /** The API's error code (domain/errors.ts) when the error came from a call. */
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Calls an API method as the window does; a failed call becomes a CliUserError with its message. */
export async function callApi<T>(app: AppDatabase, method: string, input?: unknown): Promise<T> {
  const result = await dispatch(app, method, input);
  if (!result.ok) throw new CliUserError(result.message, result.code);
  return result.data as T;
}

/** The parsed options (parseArgs values). */
export type Values = Record<string, string | boolean | undefined>;

/** A command's options, its output mode and how it calls the API and answers. */
export interface CommandContext {
  values: Values;
  /** --json: answers are printed as JSON. */
  json: boolean;
  call<T>(method: string, input?: unknown): Promise<T>;
  /** Prints `data` as JSON under --json, else the text. */
  print(data: unknown, text: () => string): void;
}

export function commandContext(app: AppDatabase, values: Values, json: boolean): CommandContext {
  return {
    values,
    json,
    call: <T>(method: string, input?: unknown) => callApi<T>(app, method, input),
    print: (data, text) => console.log(json ? JSON.stringify(data, null, 2) : text()),
  };
}

/** The value of an integer option such as --year, or a CliUserError naming it. */
export function intOption(values: Values, name: string, pattern = /^\d+$/): number {
  const text = values[name];
  if (typeof text !== 'string' || !pattern.test(text)) throw new CliUserError(`--${name} 须为整数`);
  return Number(text);
}
