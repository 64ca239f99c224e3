// No source file outside tests/ grows past 400 lines unless its opening comment says why
// (「One file over 400 lines …」): a long file is a choice to explain, not an accident.
import { globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const skipped = /^(node_modules|out|release|dist|tests)(\/|$)/;
const LIMIT = 400;

test('every source file over 400 lines says why', () => {
  const files = globSync('**/*.{ts,tsx,js,mjs,cjs}', {
    cwd: root,
    exclude: (path) => skipped.test(path),
  });
  const long = files
    .map((file) => ({ file, text: readFileSync(resolve(root, file), 'utf8') }))
    .filter(({ text }) => text.split('\n').length > LIMIT);
  const unexplained = long
    .filter(({ text }) => !/^\/\/ One file over 400 lines/m.test(text.slice(0, 2000)))
    .map(({ file }) => file);
  expect(files.length).toBeGreaterThan(300);
  expect(long.length).toBeGreaterThan(0);
  expect(unexplained).toEqual([]);
});
