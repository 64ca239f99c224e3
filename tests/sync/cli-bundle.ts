// Builds the CLI bundle the way `npm run build:cli` does, into a file of this test's own (so test
// files running in parallel never read a bundle another one is writing), and runs it with the
// pinned Node 22 that runs the tests (the machine's own Node 20 cannot load better-sqlite3).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { bundleCli } from '../../build/bundle-cli';

const root = join(__dirname, '..', '..');

export function buildCli(name: string): string {
  const out = join(root, 'out', 'test-cli', `${name}.mjs`);
  bundleCli(out);
  return out;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  bundle: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bundle, ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}
