// The one entry point of every transport: validates input with the contract's zod schema, runs the
// handler in one transaction, and turns every outcome into a result value with a Chinese message.
import { z } from 'zod';
import { contract } from '../domain/contract';
import type { MethodName } from '../domain/contract';
import {
  activityFieldLabels,
  arrivalFieldLabels,
  contactFieldLabels,
  investorFieldLabels,
  taskFieldLabels,
} from '../domain/entities';
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
  'sync.loadSnapshot',
  'job.progress',
]);

/**
 * Each method's fields by their Chinese names, for its messages: a message that does not name its
 * field is led by the name. A field without one here is named by its key, as the caller wrote it.
 */
const fieldLabels: { readonly [M in MethodName]?: Readonly<Record<string, string>> } = {
  'app.init': { user: '姓名', office: '驻点', zoneName: '分区名称' },
  'project.create': projectFieldLabels,
  'project.update': projectFieldLabels,
  'investor.create': investorFieldLabels,
  'investor.update': investorFieldLabels,
  'contact.create': contactFieldLabels,
  'contact.update': contactFieldLabels,
  'contact.list': contactFieldLabels,
  'activity.create': activityFieldLabels,
  'activity.update': activityFieldLabels,
  'activity.list': activityFieldLabels,
  'task.create': taskFieldLabels,
  'task.update': taskFieldLabels,
  'task.list': taskFieldLabels,
  'arrival.create': arrivalFieldLabels,
  'arrival.update': arrivalFieldLabels,
  'arrival.list': arrivalFieldLabels,
};

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
  const parsed = (contract[name].input as z.ZodType).safeParse(input ?? undefined, {
    error: (issue) => unwordedIssue(name, issue),
  });
  if (!parsed.success) {
    return failure(new AppError('VALIDATION', describeIssues(name, parsed.error)));
  }
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

/** The label of the field an issue is about, if the method names it. */
function labelOf(method: MethodName, path: readonly PropertyKey[]): string | undefined {
  const key = path.findLast((part) => typeof part === 'string');
  return key === undefined ? undefined : fieldLabels[method]?.[key];
}

/**
 * zod's own wording of an issue that no schema worded (a missing field, a wrong type), which never
 * says which field: led by the field's label, or its key when the method has no label for it.
 */
function unwordedIssue(method: MethodName, issue: z.core.$ZodRawIssue): string | undefined {
  const path = issue.path ?? [];
  if (path.length === 0 || issue.code === 'unrecognized_keys') return undefined;
  const field = labelOf(method, path) ?? `字段 ${path.join('.')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `缺少${field}`;
  const worded = z.config().localeError?.(issue);
  const message = typeof worded === 'string' ? worded : worded?.message;
  return message === undefined ? undefined : `${field}：${message}`;
}

/** All issues, each prefixed by its field's label when the message does not already name it. */
function describeIssues(method: MethodName, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const label = labelOf(method, issue.path);
      return label && !issue.message.includes(label) ? `${label}：${issue.message}` : issue.message;
    })
    .join('；');
}
