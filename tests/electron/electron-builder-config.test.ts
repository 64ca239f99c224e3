// The electron-builder config as data (packaging needs the network, so it cannot run here): fuses,
// asar, no native rebuild, the targets (x64, and arm64 on Linux), artifact names, deb dependencies,
// icons electron-builder takes as they are, and which files its own matcher would ship.
// build/packaging-check.ts packs the Linux app for real against a stub Electron.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
type Arch = 'x64' | 'arm64';
const appDir = path.resolve('/project');
const projectDir = path.resolve(import.meta.dirname, '../..');
const noLogs = { isEnabled: false };
// Merging turns `files` into file sets, which changes how the matchers treat it: test what runs.
const merged = doMergeConfigs([structuredClone(config)]);

const appInfo = {
  productName: 'zhaoshang-crm',
  sanitizedProductName: 'zhaoshang-crm',
  version: '0.1.0',
  name: 'zhaoshang-crm',
};

/** The expander electron-builder uses while packing for the given target OS and arch. */
function expanderFor(os: Os, arch: Arch = 'x64'): (pattern: string) => string {
  return (pattern) => expandMacro(pattern, arch, appInfo, { os, '/*': '{,/**/*}' });
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
function shipsFromModule(
  os: Os,
  moduleName: string,
  inModule: string,
  arch: Arch = 'x64',
): boolean {
  const expand = expanderFor(os, arch);
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

/** Each target with the arches it builds, e.g. `deb:x64,arm64`. */
function targetsOf(platform: Configuration['win'] | Configuration['linux']): string[] {
  const targets = platform?.target;
  if (!Array.isArray(targets)) throw new Error('targets must be an explicit list');
  return targets.map((t) => {
    if (typeof t === 'string') throw new Error('each target must name its arch');
    return `${t.target}:${[t.arch ?? []].flat().join(',')}`;
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

  it('builds NSIS + portable for Windows x64, AppImage + deb for Linux x64 and arm64', () => {
    expect(targetsOf(config.win)).toEqual(['nsis:x64', 'portable:x64']);
    expect(targetsOf(config.linux)).toEqual(['AppImage:x64,arm64', 'deb:x64,arm64']);
  });

  it('names every artifact in ASCII, with version and arch', () => {
    // How electron-builder names an arch in a file name (x64 is x86_64 in an AppImage, amd64 in a deb).
    const { getArtifactArchName } = requireBuilder('builder-util') as {
      getArtifactArchName(arch: number, ext: string): string;
    };
    const archNumber = { x64: 1, arm64: 3 } as const;
    const artifact = (pattern: string | null | undefined, arch: Arch, ext: string): string =>
      expandMacro(pattern ?? '', getArtifactArchName(archNumber[arch], ext), appInfo, { ext });
    expect(artifact(config.nsis?.artifactName, 'x64', 'exe')).toBe(
      'zhaoshang-crm-0.1.0-setup-x64.exe',
    );
    expect(artifact(config.portable?.artifactName, 'x64', 'exe')).toBe(
      'zhaoshang-crm-0.1.0-portable-x64.exe',
    );
    expect(artifact(config.appImage?.artifactName, 'x64', 'AppImage')).toBe(
      'zhaoshang-crm-0.1.0-x86_64.AppImage',
    );
    expect(artifact(config.appImage?.artifactName, 'arm64', 'AppImage')).toBe(
      'zhaoshang-crm-0.1.0-arm64.AppImage',
    );
    expect(artifact(config.deb?.artifactName, 'x64', 'deb')).toBe('zhaoshang-crm_0.1.0_amd64.deb');
    expect(artifact(config.deb?.artifactName, 'arm64', 'deb')).toBe(
      'zhaoshang-crm_0.1.0_arm64.deb',
    );
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
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      shortcutName: '招商项目管理',
      deleteAppDataOnUninstall: false,
    });
  });

  it("declares electron-builder's default deb libraries plus Chromium's, with t64 alternatives", () => {
    expect(config.linux?.category).toBe('Office');
    const depends = config.deb?.depends ?? [];
    // What electron-builder would have declared had `depends` not replaced it (FpmTarget's default).
    const defaults = [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ];
    const first = depends.map((d) => d.split('|')[0]?.trim());
    expect(first).toEqual(expect.arrayContaining([...defaults, 'libgbm1', 'libasound2']));
    // Renamed in Debian 13 / Ubuntu 24.04: each gets its new name as an alternative.
    for (const renamed of ['libgtk-3-0', 'libatspi2.0-0', 'libasound2']) {
      expect(depends, renamed).toContain(`${renamed} | ${renamed}t64`);
    }
    const name = String.raw`[a-z0-9.+-]+( \(>= [0-9.]+\))?`;
    for (const entry of depends) expect(entry).toMatch(new RegExp(`^${name}( \\| ${name})*$`));
  });

  it("declares the glibc and libstdc++ that better-sqlite3's Linux prebuilds link against", () => {
    // The newest symbol version each binary needs, e.g. GLIBC_2.34 → 2.34.
    const newest = (binary: Buffer, prefix: string): string => {
      const versions = [
        ...binary.toString('latin1').matchAll(new RegExp(`${prefix}([0-9.]+)\\0`, 'g')),
      ]
        .map((m) => m[1] ?? '')
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      return versions.at(-1) ?? '';
    };
    const depends = config.deb?.depends ?? [];
    for (const arch of ['x64', 'arm64']) {
      const binary = readFileSync(
        path.join(projectDir, `node_modules/better-sqlite3/prebuilds/linux-${arch}.node`),
      );
      expect(depends).toContain(`libc6 (>= ${newest(binary, 'GLIBC_')})`);
      // GLIBCXX_3.4.29 is GCC 11's libstdc++; 3.4.30 would be GCC 12's.
      const glibcxx = newest(binary, 'GLIBCXX_');
      const gcc = Number(glibcxx.split('.')[2]) - 18;
      expect(glibcxx).toMatch(/^3\.4\.\d+$/);
      expect(depends).toContain(`libstdc++6 (>= ${gcc})`);
    }
  });
});

describe('icons', () => {
  const sizesOfIco = (ico: Buffer): { size: number; png: boolean }[] => {
    expect(ico.readUInt16LE(2), 'ICO type').toBe(1);
    return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const offset = ico.readUInt32LE(entry + 12);
      const png = ico.subarray(offset, offset + 4).toString('latin1') === '\x89PNG';
      if (!png) expect(ico.readUInt32LE(offset), 'BITMAPINFOHEADER size').toBe(40);
      return { size: ico[entry] || 256, png };
    });
  };
  const pngSize = (file: string): number[] => {
    const png = readFileSync(path.join(projectDir, file));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };

  it('points Windows at an ICO holding 16 to 256 px, and Linux at one PNG per size', () => {
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.linux?.icon).toBe('build/icons');
    const ico = sizesOfIco(readFileSync(path.join(projectDir, 'build/icon.ico')));
    expect(ico.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(ico.filter((e) => e.png).map((e) => e.size)).toEqual([256]);
    expect(pngSize('build/icon.png')).toEqual([512, 512]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(`build/icons/${size}x${size}.png`)).toEqual([size, size]);
    }
  });

  // Any conversion would run electron-builder's icon tool, which it downloads; pointing the
  // tool's folder at a missing path makes that an error instead of a download.
  const outDir = mkdtempSync(path.join(tmpdir(), 'icons-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  const { convertIcon } = requireBuilder('app-builder-lib/out/util/iconConverter.js') as {
    convertIcon(options: {
      sources: string[];
      fallbackSources: string[];
      roots: string[];
      format: 'set' | 'ico';
      outDir: string;
    }): Promise<{ icons: { file: string; size: number }[]; isFallback: boolean }>;
  };

  it('are taken by electron-builder as they are, with no icon tool to download', async () => {
    const saved = process.env.ELECTRON_BUILDER_ICONS_TOOLSET_DIR;
    process.env.ELECTRON_BUILDER_ICONS_TOOLSET_DIR = path.join(outDir, 'no-icon-tool');
    try {
      const roots = [path.join(projectDir, 'build'), projectDir];
      const convert = (source: string | null | undefined, format: 'set' | 'ico') =>
        convertIcon({ sources: [source ?? ''], fallbackSources: [], roots, format, outDir });
      const linux = await convert(config.linux?.icon, 'set');
      expect(linux.isFallback).toBe(false);
      expect(linux.icons.map((i) => i.size)).toEqual([16, 32, 48, 64, 128, 256, 512]);
      const win = await convert(config.win?.icon, 'ico');
      expect(win.icons).toEqual([{ file: path.join(projectDir, 'build/icon.ico'), size: 256 }]);
    } finally {
      if (saved === undefined) delete process.env.ELECTRON_BUILDER_ICONS_TOOLSET_DIR;
      else process.env.ELECTRON_BUILDER_ICONS_TOOLSET_DIR = saved;
    }
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
      // Node-only tools and test bundles that electron-vite's neighbours write into out/.
      'out/cli/main.mjs',
      'out/test-cli/cli-sync.mjs',
      'out/main/index.js.map',
      'out/renderer/assets/index.js.map',
      'build/icon.png',
      'renderer/src/main.tsx',
    ]) {
      expect(shipsFromApp(os, source), source).toBe(false);
    }
  });

  it.each(os === 'win' ? (['x64'] as const) : (['x64', 'arm64'] as const))(
    "ships only the target's better-sqlite3 prebuild for %s",
    (arch) => {
      const prebuilds = [
        'win32-x64',
        'win32-arm64',
        'linux-x64',
        'linux-arm64',
        'linuxmusl-x64',
        'linuxmusl-arm64',
        'darwin-x64',
        'darwin-arm64',
      ];
      const shipped = prebuilds.filter((name) =>
        shipsFromModule(os, 'better-sqlite3', `prebuilds/${name}.node`, arch),
      );
      expect(shipped).toEqual([`${os === 'win' ? 'win32' : 'linux'}-${arch}`]);
    },
  );

  it('ships no native sources or build output of better-sqlite3', () => {
    const ships = (file: string): boolean => shipsFromModule(os, 'better-sqlite3', file);
    expect(ships('lib/index.js')).toBe(true);
    expect(ships('package.json')).toBe(true);
    expect(ships('deps/sqlite3/sqlite3.c')).toBe(false);
    expect(ships('src/better_sqlite3.cpp')).toBe(false);
    expect(ships('build/Release/obj.target/better_sqlite3.o')).toBe(false);
    expect(ships('binding.gyp')).toBe(false);
    expect(shipsFromModule(os, 'node-addon-api', 'napi.h')).toBe(false);
    expect(shipsFromModule(os, 'kysely', 'package.json')).toBe(true);
  });
});
