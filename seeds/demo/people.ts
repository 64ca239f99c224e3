// A Chinese person's name, with a Latin handle for a WeChat id.
import { givenChars, surnames } from './data/people';
import type { Rng } from './random';

export interface Person {
  name: string;
  surname: string;
  /** Latin handle for a WeChat id, e.g. zhangwei. */
  handle: string;
}

export function chinesePerson(rng: Rng): Person {
  const [sz, sp] = rng.pick(surnames);
  const [g1, p1] = rng.pick(givenChars);
  if (rng.chance(0.3)) return { name: sz + g1, surname: sz, handle: sp + p1 };
  const [g2, p2] = rng.pick(givenChars);
  return { name: sz + g1 + g2, surname: sz, handle: sp + p1 + p2 };
}
