// zod's refusal as the messages a form shows: the first message per field (the issue path's first
// part, 'form' for an issue of the whole input), or the first message of a single value's check.
import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

type Path = readonly PropertyKey[];

const topKey = (path: Path) => String(path[0] ?? 'form');

/** The first message per field; `keyOf` names the field an issue's path belongs to. */
export function fieldErrors(
  error: z.ZodError,
  keyOf: (path: Path) => string = topKey,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[keyOf(issue.path)] ??= issue.message;
  return errors;
}

/** A single value's check (schema.shape.name.safeParse(…)): null when it passed, else its message. */
export function firstError(
  result: { success: true } | { success: false; error: z.ZodError },
  fallback = '填写有误',
): string | null {
  return result.success ? null : (result.error.issues[0]?.message ?? fallback);
}
