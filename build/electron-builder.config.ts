// electron-builder configuration: Windows NSIS installer + portable exe, Linux AppImage + deb, all x64.
// Run with `electron-builder --config build/electron-builder.config.ts` after `electron-vite build`.
import type { Configuration } from 'electron-builder';

/** Shown to users; artifact and folder names use the ASCII productName instead. */
export const displayName = '招商项目管理';

const config: Configuration = {
  appId: 'cn.jiaxing.zhaoshang',
  productName: 'zhaoshang-crm',
  directories: { output: 'release', buildResources: 'build' },

  files: [
    'out/**',
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
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
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
    depends: [
      'libgtk-3-0',
      'libnss3',
      'libgbm1',
      'libasound2',
      'libxss1',
      'libnotify4',
      'libxtst6',
    ],
  },
};

export default config;
