// What the CLI's commands share: the error a user caused (its Chinese message is printed alone on
// stderr, with a non-zero exit) and the one way a command calls the API.
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

/** The value of an integer option such as --year, or a CliUserError naming it. */
export function intOption(
  values: Record<string, string | boolean | undefined>,
  name: string,
  pattern = /^\d+$/,
): number {
  const text = values[name];
  if (typeof text !== 'string' || !pattern.test(text)) throw new CliUserError(`--${name} 须为整数`);
  return Number(text);
}
