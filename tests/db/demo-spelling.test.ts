// Demo data spelled ahead on a worker thread (db/services/demo-spelling.ts): the thread spells
// every Chinese name the load's search texts read, exactly as the loading thread would, and a load
// that takes its spellings derives the same search texts.
import { afterEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { deriveInvestor, deriveProject } from '../../db/derived';
import { dispatchSync } from '../../db/dispatcher';
import { forgetSpellings, spellingOf } from '../../db/search-fold';
import type { Spelling } from '../../db/search-fold';
import { SPELL_AHEAD_MIN_PROJECTS, spellDemoAhead } from '../../db/services/demo-spelling';
import { readTextList } from '../../domain/stored-values';
import { generateDemo } from '../../seeds/demo/index';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
  forgetSpellings();
});

test('the thread posts the spelling of every Chinese name the demo derives, as this thread makes it', async () => {
  const options = { projects: 300, seed: 5 };
  const expected: Spelling[] = [];
  const seen = new Set<string>();
  for (const row of generateDemo(options)) {
    const f = row.fields;
    const names =
      row.table === 'investor'
        ? [f.name_zh, f.name_en, ...readTextList(f.aliases)]
        : row.table === 'project'
          ? [f.name, f.code, f.project_code]
          : [];
    for (const name of names) {
      if (typeof name !== 'string' || seen.has(name)) continue;
      seen.add(name);
      const spelling = spellingOf(name);
      if (spelling) expected.push(spelling);
    }
  }
  // Both investors' and projects' names, with pinyin.
  expect(expected.length).toBeGreaterThan(options.projects);
  expect(expected.every(([, , spelled]) => /^[a-z]+ [a-z]+/.test(spelled))).toBe(true);

  forgetSpellings();
  const spelling = spellDemoAhead(options);
  await spelling.exited;
  const taken = spelling.take();
  spelling.stop();
  expect(taken).toEqual(expected);
});

test('a thread asked to stop ends itself at its next row', async () => {
  // 100,000 projects would keep it spelling for a minute: it ends long before the test's timeout.
  const spelling = spellDemoAhead({ projects: 100_000, seed: 3 });
  spelling.stop();
  await spelling.exited;
  expect(spelling.take()).toEqual([]);
});

test('a load large enough to spell ahead derives every search text as one spelled here would', async () => {
  app = await openTempDb();
  const projects = SPELL_AHEAD_MIN_PROJECTS;
  expectOk(dispatchSync(app, 'app.demo', { projects, seed: 12 }));
  forgetSpellings();
  const stored = app.sqlite.prepare('SELECT * FROM project').all() as Record<
    string,
    string | number | null
  >[];
  expect(stored.length).toBeGreaterThanOrEqual(projects);
  for (const row of stored) {
    expect(deriveProject(app.sql, row).search_text, row.name as string).toBe(row.search_text);
  }
  const investors = app.sqlite.prepare('SELECT * FROM investor').all() as Record<
    string,
    string | number | null
  >[];
  for (const row of investors) {
    expect(deriveInvestor(row).search_text).toBe(row.search_text);
  }
}, 120_000);
