// The demo's spelling thread (demo-spelling.ts), run by the database worker's bundle when its
// workerData asks for it (db/host/worker.ts): generates the load's rows and posts the spellings of
// the names their search texts read, in batches, in the order the load will need them.
import { generateDemo } from '../../seeds/demo/index';
import { searchedNames } from '../derived';
import { spellingOf } from '../search-fold';
import type { Spelling } from '../search-fold';
import type { DemoSpellingJob } from './demo-spelling';

const BATCH = 500;

export function spellDemo({ options, port, stop }: DemoSpellingJob): void {
  const seen = new Set<string>();
  let batch: Spelling[] = [];
  for (const row of generateDemo(options)) {
    if (Atomics.load(stop, 0) !== 0) break;
    for (const name of searchedNames(row.table, row.fields)) {
      if (typeof name !== 'string' || seen.has(name)) continue;
      seen.add(name);
      const spelling = spellingOf(name);
      if (spelling) batch.push(spelling);
      if (batch.length >= BATCH) {
        port.postMessage(batch);
        batch = [];
      }
    }
  }
  port.postMessage(batch);
  port.close();
}
