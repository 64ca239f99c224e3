// The demo's spelling thread (demo-spelling.ts), run by the database worker's bundle when its
// workerData asks for it (db/host/worker.ts): generates the load's rows and posts the spellings of
// the names their search texts read, in batches, in the order the load will need them.
import { readTextList } from '../../domain/stored-values';
import { generateDemo } from '../../seeds/demo/index';
import type { DemoRow } from '../../seeds/demo/index';
import { INVESTOR_SEARCH_COLUMNS, PROJECT_SEARCH_COLUMNS } from '../derived';
import { spellingOf } from '../search-fold';
import type { Spelling } from '../search-fold';
import type { DemoSpellingJob } from './demo-spelling';

const BATCH = 500;

/** The names a row's search text spells (db/derived.ts: deriveProject, deriveInvestor). */
function namesOf({ table, fields }: DemoRow): unknown[] {
  if (table === 'investor') {
    return INVESTOR_SEARCH_COLUMNS.flatMap((c) =>
      c === 'aliases' ? readTextList(fields[c]) : [fields[c]],
    );
  }
  return table === 'project' ? PROJECT_SEARCH_COLUMNS.map((c) => fields[c]) : [];
}

export function spellDemo({ options, port, stop }: DemoSpellingJob): void {
  const seen = new Set<string>();
  let batch: Spelling[] = [];
  for (const row of generateDemo(options)) {
    if (Atomics.load(stop, 0) !== 0) break;
    for (const name of namesOf(row)) {
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
