// The layers' import arrows (eslint.config.js) refuse an import against an arrow: ESLint, run as
// `npm run lint` runs it, on source text placed in each folder.
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** ESLint's messages for `source` as if it were the file `path` of the repository. */
async function lint(path: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: join(root, path) });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const useDispatch = 'export const probe = dispatch;';

test.each([
  [
    'domain/probe.ts',
    `import { dispatch } from '../db/dispatcher';\n${useDispatch}`,
    'domain/ imports nothing of ours',
  ],
  [
    'domain/probe.ts',
    "import type { AppDatabase } from '../db/app-database';\nexport type Probe = AppDatabase;",
    'domain/ imports nothing of ours',
  ],
  [
    'renderer/src/ledger/probe.ts',
    `import { dispatch } from '../../../db/dispatcher';\n${useDispatch}`,
    'renderer/ may import only domain/',
  ],
  [
    'seeds/probe.ts',
    `import { dispatch } from '../db/dispatcher';\n${useDispatch}`,
    'seeds/ may import only domain/',
  ],
  [
    'cli/probe.ts',
    "import { contentSecurityPolicy } from '../transport/csp';\nexport const probe = contentSecurityPolicy;",
    'cli/ may import only db/, domain/',
  ],
])('%s: a wrong import fails lint (%#)', async (path, source, why) => {
  expect(await lint(path, source)).toEqual([
    { ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining(why) },
  ]);
});

test.each([
  ['domain/probe.ts', './vocabulary', 'offices'],
  ['renderer/src/ledger/probe.ts', '../../../domain/vocabulary', 'offices'],
  ['db/probe.ts', '../domain/vocabulary', 'offices'],
  ['db/probe.ts', '../seeds/dictionaries', 'platforms'],
  ['web/probe.ts', '../transport/static-files', 'staticFilePath'],
  ['electron/probe.ts', '../db/dispatcher', 'dispatch'],
  ['tests/probe.ts', '../renderer/src/ui/ProgressBar', 'ProgressBar'],
])('%s: an import from %s passes', async (path, from, name) => {
  const source = `import { ${name} } from '${from}';\nexport const probe = ${name};\n`;
  expect(await lint(path, source)).toEqual([]);
});
