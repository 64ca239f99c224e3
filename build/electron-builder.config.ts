// electron-builder configuration: Windows NSIS installer + portable exe (x64), Linux AppImage + deb
// (x64 and arm64). Run with `electron-builder --config build/electron-builder.config.ts` after
// `electron-vite build`; build/packaging-check.ts packs it offline against a stub Electron.
import type { Configuration } from 'electron-builder';

/** Shown to users; artifact and folder names use the ASCII productName instead. */
export const displayName = '招商项目管理';

const config: Configuration = {
  appId: 'cn.jiaxing.zhaoshang',
  productName: 'zhaoshang-crm',
  directories: { output: 'release', buildResources: 'build' },

  files: [
    // Only what Electron loads: main (every library but better-sqlite3 bundled in), the sandboxed
    // preload and the built renderer. Not out/cli or out/test-cli (Node-only tools and test
    // bundles), not source maps.
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!**/*.map',
    'package.json',
    // Build-time sources of the native module: the prebuilt binary is all it needs at run time.
    '!**/node_modules/better-sqlite3/{src,deps,build}/**',
    '!**/node_modules/better-sqlite3/binding.gyp',
    '!**/node_modules/node-addon-api/**',
    // better-sqlite3 ships a prebuilt Node-API binary per platform: keep only the target's. ${os} is
    // the target (win, linux); ${platform} would be the build machine. Keep this at the top level:
    // a `files` list under win/linux makes electron-builder ship the whole project folder.
    '!**/node_modules/better-sqlite3/prebuilds/!(${os}*-${arch}).node',
    '!**/node_modules/better-sqlite3/prebuilds/linuxmusl-*.node',
  ],
  asar: true,
  asarUnpack: ['**/*.node'],
  // Nothing is compiled at pack time: better-sqlite3's Node-API prebuild runs in Electron as is.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,

  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    grantFileProtocolExtraPrivileges: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
  },

  win: {
    // Used as-is (it holds a 256×256 image): nothing is converted, so no icon tool is downloaded.
    icon: 'build/icon.ico',
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    shortcutName: displayName,
    uninstallDisplayName: `${displayName} \${version}`,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    // The database lives in the user-data folder: uninstalling must never delete it.
    deleteAppDataOnUninstall: false,
    artifactName: '${productName}-${version}-setup-${arch}.${ext}',
  },
  portable: {
    requestExecutionLevel: 'user',
    unpackDirName: 'zhaoshang-crm',
    artifactName: '${productName}-${version}-portable-${arch}.${ext}',
  },

  linux: {
    // One PNG per size (build/icons/NxN.png, made by build/make-icons.ts), used as-is.
    icon: 'build/icons',
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    executableName: 'zhaoshang-crm',
    category: 'Office',
    synopsis: displayName,
    desktop: {
      entry: {
        Name: displayName,
        'Name[zh_CN]': displayName,
        Comment: '招商项目台账、目标与跟进',
      },
    },
  },
  appImage: {
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  deb: {
    artifactName: '${productName}_${version}_${arch}.${ext}',
    // electron-builder's default list (which `depends` replaces) plus what Chromium loads itself
    // (libgbm1, libdrm2, libasound2). Debian 13 and Ubuntu 24.04 renamed some libraries with a
    // `t64` suffix; the alternatives install on those and on older systems. better-sqlite3's Linux
    // prebuilds need glibc 2.34 and GCC 11's libstdc++ (GLIBCXX_3.4.29): declared, so an older
    // system (UOS 20, Kylin V10, Ubuntu 20.04) refuses the package instead of failing at start.
    depends: [
      'libc6 (>= 2.34)',
      'libstdc++6 (>= 11)',
      'libgtk-3-0 | libgtk-3-0t64',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0 | libatspi2.0-0t64',
      'libuuid1',
      'libsecret-1-0',
      'libgbm1',
      'libdrm2',
      'libasound2 | libasound2t64',
    ],
  },
};

export default config;
