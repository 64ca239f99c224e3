// The offline packaging check (`npm run check:packaging`, after `npm run build`): runs electron-builder
// with the real config for `--linux dir`, x64 and arm64, against a stub Electron (a script that
// carries Electron's fuse wire, so the fuses are really flipped), then inspects what it made:
// app.asar within its size budget and holding the built app only, every module the bundles load
// present, the target's better-sqlite3 binary unpacked beside it, the fuses as the config sets them,
// and nothing downloaded.
// Installers themselves (AppImage, deb, NSIS) need electron-builder's tools from the internet.
// One file over 400 lines: a script whose checks read top to bottom in the order they run.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { Configuration } from 'electron-builder';
import config from './electron-builder.config';

export type LinuxArch = 'x64' | 'arm64';
export const ARCHES: readonly LinuxArch[] = ['x64', 'arm64'];

/**
 * app.asar may grow to this before the check fails: about 1.3 × its 6.0 MiB of December 2026
 * (then out/main was 3.5 MiB unminified, 2.5 MiB of it exceljs, and the workbook worker 1 MiB
 * minified, exceljs again; the renderer 1.1 MiB). Since the database moved to a worker thread,
 * out/main is a 0.3 MiB main bundle beside the database worker, 2.1 MiB minified with exceljs, and
 * the workbook worker. A renderer library or a node_modules tree slipping in shows up here.
 */
export const ASAR_BUDGET_BYTES = 8 * 1024 * 1024;

/** Files the app cannot start without; paths as @electron/asar lists them. */
export const REQUIRED_IN_ASAR = [
  '/package.json',
  '/out/main/index.js',
  '/out/main/workbook-worker.cjs',
  '/out/main/db-worker.cjs',
  '/out/main/snapshot-chains-worker.cjs',
  '/out/preload/index.cjs',
  '/out/renderer/index.html',
  '/node_modules/better-sqlite3/package.json',
  '/node_modules/better-sqlite3/lib/index.js',
  '/node_modules/better-sqlite3/lib/database.js',
] as const;

/** The only package in the app's node_modules: every other library is bundled into out/main. */
export const SHIPPED_MODULES = ['better-sqlite3'] as const;

/** Why a listed asar path must not be shipped, or null when it may. */
export function forbiddenReason(entry: string): string | null {
  const rules: [RegExp, string][] = [
    [/\.(c|m)?tsx?$/, 'TypeScript source'],
    [/\.map$/, 'source map'],
    [/(^|\/)tests?\//, 'test folder'],
    [/\.(test|spec)\.[cm]?js$/, 'test file'],
    [/^\/(domain|db|electron|renderer|cli|seeds|build|\.ci)\//, 'project source folder'],
    [/^\/out\/(?!main\/|preload\/|renderer\/)/, 'out/ folder the app does not load'],
    [/^\/[^/]*\.config\.[cm]?[jt]s$/, 'tool configuration'],
    [/^\/node_modules\/better-sqlite3\/(src|deps|build)\//, 'better-sqlite3 build input'],
    [/\.(gyp|cc|cpp|h)$/, 'native source'],
  ];
  for (const [pattern, reason] of rules) if (pattern.test(entry)) return reason;
  const moduleName = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(entry)?.[1];
  if (moduleName !== undefined && !(SHIPPED_MODULES as readonly string[]).includes(moduleName)) {
    return `module ${moduleName} (bundled into out/main, or not needed at run time)`;
  }
  return null;
}

export interface AsarFile {
  /** As @electron/asar lists it: `/out/main/index.js`. */
  path: string;
  /** Listed in the archive but stored in app.asar.unpacked/ beside it. */
  unpacked: boolean;
}

/** Problems with the files app.asar lists (packed or unpacked). */
export function auditAsarEntries(files: readonly AsarFile[]): string[] {
  const problems: string[] = [];
  const paths = files.map((file) => file.path);
  for (const required of REQUIRED_IN_ASAR) {
    if (!paths.includes(required)) problems.push(`missing from app.asar: ${required}`);
  }
  for (const file of files) {
    const reason = forbiddenReason(file.path);
    if (reason !== null) problems.push(`in app.asar but must not be: ${file.path} (${reason})`);
    // A native module cannot be loaded from inside the archive.
    if (file.path.endsWith('.node') && !file.unpacked) {
      problems.push(`packed inside app.asar, not unpacked: ${file.path}`);
    }
  }
  return problems;
}

/**
 * The modules a bundle loads at run time: its top-level `import … from "x"` statements and its
 * `require("x")` / `__require("x")` calls (how Rollup and esbuild leave CommonJS requires) outside
 * comment lines.
 */
export function runtimeImports(bundle: string): string[] {
  const found = new Set<string>();
  for (const match of bundle.matchAll(/^import\s(?:[^;]*?\sfrom\s)?["']([^"']+)["']/gm)) {
    found.add(match[1] ?? '');
  }
  // Not in comments: bundled libraries' doc comments show `var pako = require('pako')`.
  const code = bundle
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .join('\n');
  for (const match of code.matchAll(/\b(?:__)?require\(\s*["']([^"']+)["']\s*\)/g)) {
    found.add(match[1] ?? '');
  }
  return [...found].sort();
}

/** Imports a bundle may not make in the packaged app: anything but Node, Electron and `allowed`. */
export function unshippedImports(imports: readonly string[], allowed: readonly string[]): string[] {
  return imports.filter((specifier) => {
    if (specifier.startsWith('.') || specifier === 'electron') return false;
    const name = specifier.replace(/^node:/, '');
    if (builtinModules.includes(name) || specifier.startsWith('node:')) return false;
    const pkg = specifier.startsWith('@')
      ? specifier.split('/').slice(0, 2).join('/')
      : specifier.split('/')[0];
    return !allowed.includes(pkg ?? specifier);
  });
}

/** The better-sqlite3 binaries expected unpacked: exactly the target's. */
export function expectedNativeFiles(arch: LinuxArch): string[] {
  return [`node_modules/better-sqlite3/prebuilds/linux-${arch}.node`];
}

const ELF_MACHINE: Record<LinuxArch, number> = { x64: 0x3e, arm64: 0xb7 };

/** Whether a file is an ELF shared object for the arch (e_machine at byte 18). */
export function isElfFor(bytes: Buffer, arch: LinuxArch): boolean {
  return (
    bytes.subarray(0, 4).toString('latin1') === '\x7fELF' &&
    bytes.readUInt16LE(18) === ELF_MACHINE[arch]
  );
}

/** Electron's fuse sentinel, then wire version 1 and its length; each fuse is '0' or '1'. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults, in FuseV1Options order (RunAsNode … GrantFileProtocolExtraPrivileges). */
const DEFAULT_WIRE = '10110001';

/** Makes a folder electron-builder accepts as an unpacked Electron distribution. */
export function makeStubElectron(dir: string, version: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  writeFileSync(path.join(dir, 'locales', 'zh-CN.pak'), '');
  writeFileSync(path.join(dir, 'version'), version);
  writeFileSync(path.join(dir, 'LICENSE'), 'Stub for build/packaging-check.ts, not Electron.\n');
  const executable = path.join(dir, 'electron');
  const script = [
    '#!/bin/sh',
    '# A stub of Electron for build/packaging-check.ts: it runs nothing, it carries the fuse wire.',
    'echo "stub Electron from build/packaging-check.ts: not runnable" >&2',
    'exit 1',
    '',
  ].join('\n');
  const wire = `${FUSE_SENTINEL}\x01${String.fromCharCode(DEFAULT_WIRE.length)}${DEFAULT_WIRE}\n`;
  writeFileSync(
    executable,
    Buffer.concat([Buffer.from(script), Buffer.from(`# ${wire}`, 'latin1')]),
  );
  chmodSync(executable, 0o755);
}

type FuseName = keyof NonNullable<Configuration['electronFuses']>;
const FUSE_INDEX: Partial<Record<FuseName, number>> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** Differences between a binary's fuse wire and the config's fuses. */
export async function fuseProblems(
  executable: string,
  fuses: NonNullable<Configuration['electronFuses']>,
): Promise<string[]> {
  const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
  const problems: string[] = [];
  for (const [name, wanted] of Object.entries(fuses)) {
    const index = FUSE_INDEX[name as FuseName];
    if (index === undefined || typeof wanted !== 'boolean') continue;
    const actual = wire[index];
    const expected = wanted ? 0x31 : 0x30;
    if (actual !== expected) {
      problems.push(
        `fuse ${name} is ${String.fromCharCode(actual ?? 0x3f)}, config says ${wanted}`,
      );
    }
  }
  return problems;
}

function filesUnder(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
  });
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

interface ArchReport {
  arch: LinuxArch;
  problems: string[];
  lines: string[];
}

async function inspect(appOutDir: string, arch: LinuxArch): Promise<ArchReport> {
  const problems: string[] = [];
  const lines: string[] = [];
  const resources = path.join(appOutDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  if (!existsSync(archive)) {
    return { arch, problems: [`no resources/app.asar in ${appOutDir}`], lines };
  }
  const size = statSync(archive).size;
  if (size > ASAR_BUDGET_BYTES) {
    problems.push(`app.asar is ${kib(size)}, over its ${kib(ASAR_BUDGET_BYTES)} budget`);
  }
  const files: AsarFile[] = [];
  for (const entry of asar.listPackage(archive, { isPack: false })) {
    const stat = asar.statFile(archive, entry.slice(1), false);
    if ('files' in stat || 'link' in stat) continue;
    files.push({ path: entry, unpacked: stat.unpacked === true });
  }
  problems.push(...auditAsarEntries(files));
  const packed = files.filter((file) => !file.unpacked).map((file) => file.path);

  // The native binary: listed in the archive as unpacked, present beside it, built for the arch.
  const unpacked = filesUnder(path.join(resources, 'app.asar.unpacked'));
  const nativeFiles = unpacked.filter((file) => file.endsWith('.node'));
  const expected = expectedNativeFiles(arch);
  if (JSON.stringify(nativeFiles.sort()) !== JSON.stringify(expected)) {
    problems.push(
      `unpacked .node files are [${nativeFiles.join(', ')}], expected [${expected.join(', ')}]`,
    );
  }
  for (const file of expected) {
    if (!files.some((entry) => entry.path === `/${file}` && entry.unpacked)) {
      problems.push(`${file} is not listed as unpacked in app.asar`);
    }
    const binary = path.join(resources, 'app.asar.unpacked', file);
    if (existsSync(binary) && !isElfFor(readFileSync(binary).subarray(0, 20), arch)) {
      problems.push(`${file} is not an ELF binary for ${arch}`);
    }
  }

  // The package.json electron-builder wrote: its entry point, and the name Electron gives the
  // user-data folder (README: ~/.config/<productName>).
  const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as {
    main?: string;
    productName?: string;
    scripts?: unknown;
  };
  if (pkg.main !== 'out/main/index.js') problems.push(`package.json main is ${pkg.main}`);
  if (pkg.scripts !== undefined) problems.push('package.json still has its scripts');

  // What the bundles load must be in the package: main and the database worker may import
  // better-sqlite3 besides Node and Electron; the workbook worker and the sandboxed preload nothing
  // but Node and electron.
  const bundles: [string, readonly string[]][] = [
    ['out/main/index.js', SHIPPED_MODULES],
    ['out/main/db-worker.cjs', SHIPPED_MODULES],
    ['out/main/snapshot-chains-worker.cjs', SHIPPED_MODULES],
    ['out/main/workbook-worker.cjs', []],
    ['out/preload/index.cjs', []],
  ];
  const importLines: string[] = [];
  for (const [bundle, allowed] of bundles) {
    if (!files.some((file) => file.path === `/${bundle}`)) continue;
    const imports = runtimeImports(asar.extractFile(archive, bundle).toString('utf8'));
    for (const missing of unshippedImports(imports, allowed)) {
      problems.push(`${bundle} loads ${missing}, which the package does not hold`);
    }
    importLines.push(`${bundle} loads ${imports.join(' ')}`);
  }

  const executable = path.join(appOutDir, config.linux?.executableName ?? 'zhaoshang-crm');
  if (!existsSync(executable)) problems.push(`no executable ${path.basename(executable)}`);
  else if (config.electronFuses)
    problems.push(...(await fuseProblems(executable, config.electronFuses)));

  const unpackedBytes = unpacked.reduce(
    (sum, file) => sum + statSync(path.join(resources, 'app.asar.unpacked', file)).size,
    0,
  );
  lines.push(
    `app.asar ${kib(size)} (budget ${kib(ASAR_BUDGET_BYTES)}), ${packed.length} files packed: ` +
      `${packed.filter((f) => f.startsWith('/out/')).length} in out/{main,preload,renderer}, ` +
      `${packed.filter((f) => f.startsWith('/node_modules/')).length} in node_modules/, ` +
      `${packed.filter((f) => !f.startsWith('/out/') && !f.startsWith('/node_modules/')).join(' ')}`,
    `app.asar.unpacked: ${unpacked.length} files of better-sqlite3 (${kib(unpackedBytes)}), ` +
      `native: ${nativeFiles.join(', ')}`,
    `required present: ${REQUIRED_IN_ASAR.join(' ')}`,
    ...importLines,
    `package.json: main ${pkg.main}, productName ${pkg.productName} (the user-data folder's name)`,
    `fuses on ${path.basename(executable)}: ${Object.entries(config.electronFuses ?? {})
      .map(([name, value]) => `${name}=${String(value)}`)
      .join(' ')}`,
  );
  return { arch, problems, lines };
}

async function main(): Promise<number> {
  const projectDir = process.cwd();
  const built = [
    'out/main/index.js',
    'out/main/workbook-worker.cjs',
    'out/main/db-worker.cjs',
    'out/main/snapshot-chains-worker.cjs',
    'out/preload/index.cjs',
    'out/renderer/index.html',
  ];
  const missing = built.filter((file) => !existsSync(path.join(projectDir, file)));
  if (missing.length > 0) {
    console.error(`✗ packaging check: ${missing.join(', ')} missing — run \`npm run build\` first`);
    return 1;
  }
  const keep = process.argv.includes('--keep');
  const work = mkdtempSync(path.join(tmpdir(), 'zhaoshang-packaging-'));
  const stub = path.join(work, 'electron-stub');
  const output = path.join(work, 'release');
  const cache = path.join(work, 'electron-builder-cache');
  mkdirSync(cache);

  // Nothing may be fetched: Electron comes from the stub, signing is off, and any tool
  // electron-builder would download lands in this empty cache, which is checked afterwards.
  Object.assign(process.env, {
    ELECTRON_BUILDER_CACHE: cache,
    ELECTRON_BUILDER_OFFLINE: 'true',
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  });
  const electronVersion = (
    JSON.parse(
      readFileSync(path.join(projectDir, 'node_modules/electron/package.json'), 'utf8'),
    ) as {
      version: string;
    }
  ).version;
  makeStubElectron(stub, electronVersion);

  const { build, Platform, Arch } = await import('electron-builder');
  const started = Date.now();
  try {
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget('dir', Arch.x64, Arch.arm64),
      config: {
        ...config,
        electronDist: stub,
        electronVersion,
        directories: { ...config.directories, output },
        publish: null,
      },
      publish: 'never',
    });
  } catch (error) {
    console.error('✗ electron-builder --linux dir failed:', error);
    console.error(`  work folder kept: ${work}`);
    return 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const reports: ArchReport[] = [];
  for (const arch of ARCHES) {
    const appOutDir = path.join(
      output,
      arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`,
    );
    reports.push(await inspect(appOutDir, arch));
  }
  const downloaded = filesUnder(cache);

  console.log(
    `\npackaging check: electron-builder --linux dir --x64 --arm64 in ${seconds}s, Electron ${electronVersion} (stub)`,
  );
  let failed = downloaded.length > 0;
  if (downloaded.length > 0)
    console.error(`✗ electron-builder downloaded: ${downloaded.join(', ')}`);
  for (const report of reports) {
    console.log(`linux ${report.arch}:`);
    for (const line of report.lines) console.log(`  ${line}`);
    for (const problem of report.problems) console.error(`  ✗ ${problem}`);
    if (report.problems.length > 0) failed = true;
  }
  if (keep || failed) console.log(`work folder kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
  if (!failed) console.log('✓ packaging check passed');
  return failed ? 1 : 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  // process.exit with the code, not process.exitCode: electron-builder loads signal-exit 3 (through
  // proper-lockfile), whose patched 'exit' event loses an exit code set that way on Node 22.
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('✗ packaging check failed to run:', error);
      process.exit(1);
    },
  );
}
