// Runs the bundled CLI (npm run build:cli, part of `npm test`) as a child process, as `npm run cli`
// does, and captures its exit code and output.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const root = join(__dirname, '..', '..');
export const cliBundle = join(root, 'out', 'cli', 'main.mjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(db: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [cliBundle, '--db', db, ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
