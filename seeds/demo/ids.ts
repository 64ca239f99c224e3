// Row ids: UUIDv7 with the row's own date as its timestamp (a working hour in China) and seeded
// randomness, so the same seed gives the same ids and ids sort roughly by the rows' dates; or, for
// rows entered at one moment, that moment.
import { v7 as uuidv7 } from 'uuid';
import { MS_PER_DAY } from './calendar';
import type { Rng } from './random';

export function idMaker(rng: Rng, enteredAtMs?: number): (day: number) => string {
  const random = new Uint8Array(16);
  let entered = enteredAtMs;
  return (day) => {
    for (let i = 0; i < 16; i += 4) {
      const r = rng.next();
      random[i] = r & 0xff;
      random[i + 1] = (r >>> 8) & 0xff;
      random[i + 2] = (r >>> 16) & 0xff;
      random[i + 3] = r >>> 24;
    }
    const dated = day * MS_PER_DAY + 3_600_000 + rng.int(32_400_000);
    return uuidv7({ msecs: entered === undefined ? dated : entered++, random });
  };
}
