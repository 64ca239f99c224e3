// Finds the Chromium the browser tests drive, and the CJK font their screenshots need, with no
// system package: on Linux x64 the Chromium shipped inside the npm package @sparticuz/chromium
// (unpacked once into node_modules/.cache), else a Chromium or Chrome installed on the system, else
// Playwright's own download where the network allows it. On Linux the browser gets a fontconfig
// file naming only the Noto Sans SC of @embedpdf/fonts-sc, so screenshots look the same on every
// machine, with or without system fonts. See docs/packaging.md.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { chromium } from 'playwright-core';

export interface ChromiumLaunch {
  executablePath: string;
  /** Added to the browser's environment. */
  env: Record<string, string>;
  /** Where the browser comes from, for messages. */
  source: string;
}

const require = createRequire(import.meta.url);
const cacheDir = fileURLToPath(
  new URL('../../node_modules/.cache/browser-tests/', import.meta.url),
);

/** Set to use one particular browser binary instead of searching. */
export const CHROMIUM_PATH_ENV = 'CHROMIUM_PATH';

let found: Promise<ChromiumLaunch> | undefined;

/** The browser to launch, provisioned on first use; later calls in the process reuse it. */
export function provideChromium(): Promise<ChromiumLaunch> {
  found ??= findChromium();
  return found;
}

async function findChromium(): Promise<ChromiumLaunch> {
  const env = process.platform === 'linux' ? fontEnv() : {};
  const override = process.env[CHROMIUM_PATH_ENV];
  if (override) {
    if (!existsSync(override)) throw new Error(`${CHROMIUM_PATH_ENV}=${override}：文件不存在`);
    return { executablePath: override, env, source: `${CHROMIUM_PATH_ENV}` };
  }
  const packaged = await packagedChromium();
  if (packaged) return { ...packaged, env: { ...env, ...packaged.env } };
  const system = systemChromium();
  if (system) return { executablePath: system, env, source: system };
  return { executablePath: playwrightChromium(), env, source: 'Playwright 下载的 Chromium' };
}

/** The Chromium inside @sparticuz/chromium (Linux x64 only), unpacked into the cache once. */
async function packagedChromium(): Promise<ChromiumLaunch | null> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch {
    return null;
  }
  const packageDir = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = join(cacheDir, `sparticuz-chromium-${version}`);
  const executable = join(dir, 'chromium');
  const libDir = join(dir, 'lib');
  if (!existsSync(executable)) {
    mkdirSync(dir, { recursive: true });
    // Written under a temporary name and renamed: test processes may unpack side by side, and
    // the executable appears only once complete, after the libraries it needs.
    const partial = `${dir}.${process.pid}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial);
    // NSS, NSPR and expat, built for Amazon Linux 2023 (glibc 2.34): used even where the
    // system has its own, so a machine without them runs the same browser.
    const tar = createRequire(entry)('tar-fs') as {
      extract(dir: string): NodeJS.WritableStream;
    };
    await pipeline(
      createReadStream(join(packageDir, 'bin', 'al2023.tar.br')),
      createBrotliDecompress(),
      tar.extract(partial),
    );
    await pipeline(
      createReadStream(join(packageDir, 'bin', 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
    );
    settle(join(partial, 'lib'), libDir);
    settle(join(partial, 'chromium'), executable);
    rmSync(partial, { recursive: true, force: true });
  }
  const libraryPath = [libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return {
    executablePath: executable,
    env: { LD_LIBRARY_PATH: libraryPath },
    source: `@sparticuz/chromium ${version}`,
  };
}

/** Moves an unpacked file or folder into place, unless another process already did. */
function settle(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if (!existsSync(to)) throw error;
  }
}

function systemChromium(): string | null {
  const candidates: Record<string, string[]> = {
    linux: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
    ],
    darwin: [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ],
    win32: [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA]
      .filter((root): root is string => Boolean(root))
      .flatMap((root) => [
        join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]),
  };
  return (candidates[process.platform] ?? []).find((path) => existsSync(path)) ?? null;
}

/** Playwright's own Chromium, downloaded by its installer if it is not there yet. */
function playwrightChromium(): string {
  const executable = chromium.executablePath();
  if (!existsSync(executable)) {
    const cli = join(dirname(require.resolve('playwright-core/package.json')), 'cli.js');
    const install = spawnSync(process.execPath, [cli, 'install', 'chromium'], {
      stdio: 'inherit',
      timeout: 10 * 60_000,
    });
    if (install.status !== 0) {
      throw new Error(
        `找不到 Chromium：本机既无 @sparticuz/chromium 支持的平台（Linux x64），也无已安装的 Chrome/Chromium/Edge，` +
          `且 Playwright 下载失败。可设置 ${CHROMIUM_PATH_ENV} 指向浏览器程序。`,
      );
    }
  }
  return executable;
}

/** A fontconfig file with Noto Sans SC as the only font and every generic family mapped to it. */
function fontEnv(): Record<string, string> {
  const fontsDir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  const family = 'Noto Sans S Chinese';
  const aliases = ['sans-serif', 'serif', 'monospace', 'system-ui']
    .map(
      (generic) =>
        `  <alias binding="same"><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`,
    )
    .join('\n');
  const config = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${xmlText(fontsDir)}</dir>
  <cachedir>${xmlText(join(cacheDir, 'fontconfig'))}</cachedir>
${aliases}
</fontconfig>
`;
  const file = join(cacheDir, 'fonts.conf');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== config) {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, config);
    renameSync(partial, file);
  }
  return { FONTCONFIG_FILE: file };
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
