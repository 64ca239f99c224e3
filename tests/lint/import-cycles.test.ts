// No module reaches itself through its imports, type-only imports included: a circle between
// modules means their concerns are not yet apart (import-x's no-cycle skips type imports, so this
// test reads the imports with TypeScript itself).
import { globSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const skipped = /^(node_modules|out|release|tests\/artifacts)(\/|$)/;
const options: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
};

/** Each source file of ours (relative path) and the files of ours it imports. */
function importGraph(): Map<string, string[]> {
  const files = globSync('**/*.{ts,tsx,js,mjs}', {
    cwd: root,
    exclude: (path) => skipped.test(path),
  });
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const path = join(root, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => {
      const resolved = ts.resolveModuleName(fileName, path, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) return [];
      const target = relative(root, resolved.resolvedFileName);
      return skipped.test(target) ? [] : [target];
    });
    graph.set(file, targets);
  }
  return graph;
}

/** One circle per import that leads back to a module still being walked (depth-first). */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walking: string[] = [];
  const walk = (file: string) => {
    walking.push(file);
    for (const next of graph.get(file) ?? []) {
      const at = walking.indexOf(next);
      if (at >= 0) found.push([...walking.slice(at), next]);
      else if (!done.has(next)) walk(next);
    }
    walking.pop();
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) walk(file);
  return found;
}

test('the import graph has no circle', () => {
  const graph = importGraph();
  // A value import and a type-only one are both edges.
  expect(graph.get('db/app-database.ts')).toContain('db/sync/quarantine.ts');
  expect(graph.get('db/dispatcher.ts')).toContain('db/app-database.ts');
  expect(circles(graph).map((circle) => circle.join(' → '))).toEqual([]);
});

test('a circle is reported as the path that closes it', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts', 'd.ts']],
    ['d.ts', []],
  ]);
  expect(circles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
});
