// The one entry point of every transport: validates input with the contract's zod schema, runs the
// handler in one transaction, and turns every outcome into a result value with a Chinese message.
import type { z } from 'zod';
import { contract } from '../domain/contract';
import type { MethodName } from '../domain/contract';
import { AppError, errorMessages } from '../domain/errors';
import type { ApiResult } from '../domain/errors';
import { projectFieldLabels } from '../domain/project-input';
import type { AppDatabase } from './app-database';
import { handlers } from './handlers';
import type { Handler } from './handlers';

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

// Callable before first-run set-up: a laptop joins its zone (and receives its data, whose import's
// progress the first-run screen polls) before it is initialised.
const needsInit = new Set<string>([
  'app.status',
  'app.init',
  'zone.status',
  'zone.join',
  'task.progress',
]);

export function createDispatcher(app: AppDatabase): Dispatch {
  return (method, input) => dispatch(app, method, input);
}

/** Serves any method; whole-database operations such as backups may take a while. */
export async function dispatch(
  app: AppDatabase,
  method: string,
  input: unknown,
): Promise<ApiResult<unknown>> {
  const started = start(app, method, input);
  if (!('pending' in started)) return started;
  try {
    return { ok: true, data: await started.pending };
  } catch (error) {
    return failure(error);
  }
}

/** Serves a method that completes at once (all but whole-database operations): tests and scripts. */
export function dispatchSync(app: AppDatabase, method: string, input: unknown): ApiResult<unknown> {
  const started = start(app, method, input);
  if ('pending' in started) throw new Error(`${method} is asynchronous: use dispatch()`);
  return started;
}

function start(
  app: AppDatabase,
  method: string,
  input: unknown,
): ApiResult<unknown> | { pending: Promise<unknown> } {
  if (!Object.hasOwn(contract, method)) {
    return failure(new AppError('UNKNOWN_METHOD', method));
  }
  const name = method as MethodName;
  const parsed = (contract[name].input as z.ZodType).safeParse(input ?? undefined);
  if (!parsed.success) return failure(new AppError('VALIDATION', describeIssues(parsed.error)));
  try {
    if (!needsInit.has(name) && app.meta('initialized') !== '1')
      throw new AppError('NOT_INITIALIZED');
    const handler = handlers[name] as Handler<MethodName>;
    const args = parsed.data as never;
    const data =
      'write' in handler
        ? app.transact((tx) => handler.write(tx, args))
        : 'read' in handler
          ? app.transact((tx) => handler.read(tx, args), { write: false })
          : handler.app(app, args);
    return data instanceof Promise ? { pending: data } : { ok: true, data };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): ApiResult<never> {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
  console.error(error);
  return { ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL };
}

/** All issues, each prefixed by its field path when the message does not already name it. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const key = issue.path.at(-1);
      const label = typeof key === 'string' ? projectFieldLabels[key] : undefined;
      // Prefix with the field's Chinese name when the message does not already say which field.
      return label && !issue.message.includes(label) ? `${label}：${issue.message}` : issue.message;
    })
    .join('；');
}
