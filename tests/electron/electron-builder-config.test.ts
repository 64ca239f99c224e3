// The electron-builder config as data (packaging needs the network, so it cannot run here): fuses,
// asar, no native rebuild, the targets, and which files electron-builder's own matcher would ship.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration, PlatformSpecificBuildOptions } from 'electron-builder';
import config, { displayName } from '../../build/electron-builder.config';

type Filter = (
  file: string,
  stat: { isDirectory(): boolean; moduleFullFilePath?: string },
) => boolean;
interface Matcher {
  readonly patterns: string[];
  createFilter(): Filter;
}

// electron-builder's own config merging, macro expansion and file matchers (app-builder-lib 26.17,
// pinned through electron-builder). They are internal, so they are typed here by hand.
const requireBuilder = createRequire(import.meta.url);
const { doMergeConfigs } = requireBuilder('app-builder-lib/out/util/config/config.js') as {
  doMergeConfigs(configs: Configuration[]): Configuration;
};
const { expandMacro } = requireBuilder('app-builder-lib/out/util/macroExpander.js') as {
  expandMacro(pattern: string, arch: string, appInfo: object, extra: object): string;
};
const fileMatcher = requireBuilder('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (
    from: string,
    to: string,
    macroExpander: (pattern: string) => string,
    patterns: string[],
  ) => Matcher;
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: PlatformSpecificBuildOptions,
    packager: { config: Configuration; debugLogger: { isEnabled: boolean } },
  ): Matcher;
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: PlatformSpecificBuildOptions,
    platformPackager: unknown,
    outDir: string,
    isElectronCompile: boolean,
  ): Matcher[];
};

type Os = 'win' | 'linux';
const appDir = path.resolve('/project');
const noLogs = { isEnabled: false };
// Merging turns `files` into file sets, which changes how the matchers treat it: test what runs.
const merged = doMergeConfigs([structuredClone(config)]);

/** The expander electron-builder uses while packing x64 for the given target OS. */
function expanderFor(os: Os): (pattern: string) => string {
  const appInfo = { productName: 'zhaoshang-crm', sanitizedProductName: 'zhaoshang-crm' };
  return (pattern) => expandMacro(pattern, 'x64', appInfo, { os, '/*': '{,/**/*}' });
}

/** Whether a filter passes a file and every folder above it (copying walks folders first). */
function passes(filter: Filter, relative: string): boolean {
  const parts = relative.split('/');
  return parts.every((_, i) =>
    filter(path.join(appDir, ...parts.slice(0, i + 1)), {
      isDirectory: () => i < parts.length - 1,
    }),
  );
}

/** Whether one of the app's file matchers (all are copied) would ship a project file. */
function shipsFromApp(os: Os, relative: string): boolean {
  const packager = {
    info: {
      projectDir: appDir,
      buildResourcesDir: path.join(appDir, 'build'),
      isPrepackedAppAsar: false,
      config: merged,
      debugLogger: noLogs,
    },
  };
  const matchers = fileMatcher.getMainFileMatchers(
    appDir,
    '/dest',
    expanderFor(os),
    merged[os] ?? {},
    packager,
    path.join(appDir, 'release'),
    false,
  );
  return matchers.some((matcher) => passes(matcher.createFilter(), relative));
}

/**
 * Whether a file inside a dependency would be copied, the way electron-builder walks node_modules:
 * one matcher per module, with the module's path as the relative path the patterns see.
 */
function shipsFromModule(os: Os, moduleName: string, inModule: string): boolean {
  const expand = expanderFor(os);
  const { patterns } = fileMatcher.getNodeModuleFileMatcher(
    appDir,
    '/dest',
    expand,
    merged[os] ?? {},
    {
      config: merged,
      debugLogger: noLogs,
    },
  );
  const moduleDir = path.join(appDir, 'node_modules', moduleName);
  const filter = new fileMatcher.FileMatcher(moduleDir, '/dest', expand, patterns).createFilter();
  const parts = inModule.split('/');
  return parts.every((_, i) => {
    const relative = parts.slice(0, i + 1).join('/');
    return filter(path.join(moduleDir, relative), {
      isDirectory: () => i < parts.length - 1,
      moduleFullFilePath: `node_modules/${moduleName}/${relative}`,
    });
  });
}

function targetsOf(platform: Configuration['win'] | Configuration['linux']): string[] {
  const targets = platform?.target;
  if (!Array.isArray(targets)) throw new Error('targets must be an explicit list');
  return targets.map((t) => {
    if (typeof t === 'string') throw new Error('each target must name its arch');
    expect(t.arch, t.target).toEqual(['x64']);
    return t.target;
  });
}

describe('electron-builder config', () => {
  it('flips every fuse the security checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('packs into asar with native modules unpacked and never rebuilds them', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('builds NSIS + portable for Windows and AppImage + deb for Linux, all x64', () => {
    expect(targetsOf(config.win)).toEqual(['nsis', 'portable']);
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
  });

  it('uses an ASCII product name for artifacts and the Chinese name for people', () => {
    expect(config.productName).toMatch(/^[a-z0-9-]+$/);
    expect(config.appId).toMatch(/^[a-z0-9.]+$/);
    expect(config.nsis?.shortcutName).toBe(displayName);
    expect(config.linux?.desktop?.entry?.Name).toBe(displayName);
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('has a Chinese, assisted NSIS installer that keeps user data on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      deleteAppDataOnUninstall: false,
    });
  });

  it('declares the Linux runtime libraries for the deb', () => {
    expect(config.linux?.category).toBe('Office');
    expect(config.deb?.depends).toEqual(
      expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libgbm1', 'libasound2', 'libxss1']),
    );
  });
});

describe.each(['win', 'linux'] as const)('files electron-builder would ship for %s', (os) => {
  it('ships the built app and package.json, not the sources', () => {
    for (const file of [
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json',
    ]) {
      expect(shipsFromApp(os, file), file).toBe(true);
    }
    for (const source of [
      'electron/main.ts',
      'db/app-database.ts',
      'cli/main.ts',
      'tests/electron/security.test.ts',
      'build/electron-builder.config.ts',
      'release/zhaoshang-crm-0.1.0-x64.AppImage',
      'electron.vite.config.ts',
      'tsconfig.json',
      '.ci/run',
    ]) {
      expect(shipsFromApp(os, source), source).toBe(false);
    }
  });

  it("ships only the target's better-sqlite3 prebuild and no native sources", () => {
    const ships = (file: string): boolean => shipsFromModule(os, 'better-sqlite3', file);
    const prebuilds = ['win32-x64', 'win32-arm64', 'linux-x64', 'linux-arm64', 'linuxmusl-x64'];
    const shipped = prebuilds.filter((name) => ships(`prebuilds/${name}.node`));
    expect(shipped).toEqual([os === 'win' ? 'win32-x64' : 'linux-x64']);
    expect(ships('lib/index.js')).toBe(true);
    expect(ships('package.json')).toBe(true);
    expect(ships('deps/sqlite3/sqlite3.c')).toBe(false);
    expect(ships('src/better_sqlite3.cpp')).toBe(false);
    expect(shipsFromModule(os, 'node-addon-api', 'napi.h')).toBe(false);
    expect(shipsFromModule(os, 'kysely', 'package.json')).toBe(true);
  });
});
