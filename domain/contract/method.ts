// The pieces every area's methods are made of.
import { z } from 'zod';

/** Pairs an input schema with an output type that exists only for the compiler. */
export function method<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

export const idInput = z.strictObject({
  id: z.string({ error: '缺少记录编号' }).min(1, '缺少记录编号'),
});
export const patchOf = <P extends z.ZodType>(patch: P) =>
  z.strictObject({ ...idInput.shape, patch });
export const none = z.strictObject({}).optional();
