// The packaging check's own rules (build/packaging-check.ts; CI runs the check itself on the built
// app): what may sit in app.asar, that the stub Electron's fuse wire is flipped by @electron/fuses
// exactly as the config asks and that a wire left alone is reported, which modules a bundle loads,
// and the ELF arch test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../build/electron-builder.config';
import type { AsarFile } from '../../build/packaging-check';
import {
  auditAsarEntries,
  fuseProblems,
  isElfFor,
  makeStubElectron,
  REQUIRED_IN_ASAR,
  runtimeImports,
  unshippedImports,
} from '../../build/packaging-check';

const packed = (p: string): AsarFile => ({ path: p, unpacked: false });
const good: AsarFile[] = [
  ...REQUIRED_IN_ASAR.map(packed),
  packed('/out/renderer/assets/index-Bx1.js'),
  packed('/out/renderer/favicon.svg'),
  { path: '/node_modules/better-sqlite3/prebuilds/linux-x64.node', unpacked: true },
];

describe('what app.asar may hold', () => {
  it('accepts the built app, package.json and better-sqlite3 with its binary unpacked', () => {
    expect(auditAsarEntries(good)).toEqual([]);
  });

  it.each([
    ['/electron/main.ts', 'TypeScript source'],
    ['/renderer/src/App.tsx', 'TypeScript source'],
    ['/out/main/index.js.map', 'source map'],
    ['/tests/electron/x.js', 'test folder'],
    ['/out/renderer/assets/a.test.js', 'test file'],
    ['/db/connection.js', 'project source folder'],
    ['/out/cli/main.mjs', 'out/ folder the app does not load'],
    ['/out/test-cli/cli-sync.mjs', 'out/ folder the app does not load'],
    ['/electron.vite.config.js', 'tool configuration'],
    ['/node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', 'better-sqlite3 build input'],
    ['/node_modules/kysely/package.json', 'module kysely'],
    ['/node_modules/@tanstack/react-table/index.js', 'module @tanstack/react-table'],
    ['/node_modules/node-addon-api/index.js', 'module node-addon-api'],
  ])('rejects %s (%s)', (file, reason) => {
    const problems = auditAsarEntries([...good, packed(file)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(file);
    expect(problems[0]).toContain(reason);
  });

  it('rejects a native binary packed inside the archive, and a missing entry point', () => {
    const files = good
      .filter((f) => f.path !== '/out/main/index.js')
      .map((f) => (f.path.endsWith('.node') ? { ...f, unpacked: false } : f));
    expect(auditAsarEntries(files)).toEqual([
      'missing from app.asar: /out/main/index.js',
      'packed inside app.asar, not unpacked: /node_modules/better-sqlite3/prebuilds/linux-x64.node',
    ]);
  });
});

describe('the stub Electron', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stub-electron-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fuses = config.electronFuses ?? {};

  it("carries Electron's default fuses, which break the config until flipped", async () => {
    makeStubElectron(path.join(dir, 'a'), '45.5.0');
    const problems = await fuseProblems(path.join(dir, 'a', 'electron'), fuses);
    // Every fuse the config sets differs from Electron's default.
    expect(problems).toHaveLength(Object.keys(fuses).length);
    expect(problems).toContain('fuse runAsNode is 1, config says false');
  });

  it('is flipped by @electron/fuses the way electron-builder does it, and then passes', async () => {
    makeStubElectron(path.join(dir, 'b'), '45.5.0');
    const executable = path.join(dir, 'b', 'electron');
    await flipFuses(executable, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: fuses.runAsNode,
      [FuseV1Options.EnableCookieEncryption]: fuses.enableCookieEncryption,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]:
        fuses.enableNodeOptionsEnvironmentVariable,
      [FuseV1Options.EnableNodeCliInspectArguments]: fuses.enableNodeCliInspectArguments,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]:
        fuses.enableEmbeddedAsarIntegrityValidation,
      [FuseV1Options.OnlyLoadAppFromAsar]: fuses.onlyLoadAppFromAsar,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: fuses.grantFileProtocolExtraPrivileges,
    });
    expect(await fuseProblems(executable, fuses)).toEqual([]);
    // Still a script that refuses to run, whatever the wire says.
    expect(readFileSync(executable, 'latin1')).toMatch(/^#!\/bin\/sh\n/);
  });
});

describe('the modules a bundle loads', () => {
  const bundle = [
    'import { app } from "electron";',
    'import Database from "better-sqlite3";',
    'import path from "node:path";',
    'import "./side-effect.js";',
    'const fs = __require("fs");',
    'const z = require( "zod/v4" );',
    'const t = require("@tanstack/react-table");',
    'const text = "rows imported from \\"person\\" sheet";',
    '  import("not-at-line-start");',
    "\t* var pako = require('pako')",
    '// require("left-pad")',
  ].join('\n');

  it('reads static imports at line start and require calls, not strings', () => {
    expect(runtimeImports(bundle)).toEqual([
      './side-effect.js',
      '@tanstack/react-table',
      'better-sqlite3',
      'electron',
      'fs',
      'node:path',
      'zod/v4',
    ]);
  });

  it('allows Node built-ins, electron and the shipped modules only', () => {
    expect(unshippedImports(runtimeImports(bundle), ['better-sqlite3'])).toEqual([
      '@tanstack/react-table',
      'zod/v4',
    ]);
    expect(unshippedImports(['better-sqlite3', 'electron'], [])).toEqual(['better-sqlite3']);
  });
});

describe('isElfFor', () => {
  const prebuild = (name: string): Buffer =>
    readFileSync(path.resolve(`node_modules/better-sqlite3/prebuilds/${name}.node`)).subarray(
      0,
      20,
    );

  it("tells better-sqlite3's Linux binaries apart by arch and rejects Windows ones", () => {
    expect(isElfFor(prebuild('linux-x64'), 'x64')).toBe(true);
    expect(isElfFor(prebuild('linux-x64'), 'arm64')).toBe(false);
    expect(isElfFor(prebuild('linux-arm64'), 'arm64')).toBe(true);
    expect(isElfFor(prebuild('win32-x64'), 'x64')).toBe(false);
  });
});
