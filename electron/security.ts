// The app's security policy as plain data and small functions: window options, the CSP, which IPC
// senders and app:// paths are trusted, and the handlers that deny navigation, popups and permissions.
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { apiMethodsArg } from './preload-api';

/** The UI is served from app://renderer/ (see protocol.ts); nothing else is ever trusted in production. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const APP_TITLE = '招商项目管理';

/**
 * Window options for the one app window. Sized to fit a 1366×768 laptop with a taskbar; shown only
 * once the first paint is ready so the user never sees a white flash. The preload learns the API's
 * method names from an extra argv entry (see preload-api.ts).
 */
export function windowOptions(
  preloadPath: string,
  apiMethods: readonly string[] = [],
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 720,
    minWidth: 1100,
    minHeight: 600,
    center: true,
    title: APP_TITLE,
    show: false,
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      additionalArguments: [apiMethodsArg(apiMethods)],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Electron's spellchecker downloads dictionaries from a Google CDN: the app is offline.
      spellcheck: false,
    },
  };
}

/**
 * Sent as a response header by the app:// handler (and mirrored by the renderer's meta tag).
 * style-src has no 'unsafe-inline': React's `style` prop writes through the CSSOM, which CSP does not
 * restrict, and Vite's production build puts all CSS in files. Only `<style>` elements and `style="…"`
 * attributes in HTML would need it, and the renderer uses neither. img-src allows data: for small
 * icons Vite inlines.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parseUrl(url: string | undefined): URL | null {
  if (url === undefined || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isLoopbackHttp(url: URL): boolean {
  return (
    url.protocol === 'http:' &&
    (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]')
  );
}

/**
 * The electron-vite dev server URL, only when running unpackaged. A packaged app ignores
 * ELECTRON_RENDERER_URL, so nobody can point a shipped app at another page through the environment.
 * Only a loopback http URL is accepted.
 */
export function devRendererUrl(
  isPackaged: boolean,
  env: Record<string, string | undefined>,
): string | undefined {
  if (isPackaged) return undefined;
  const url = parseUrl(env.ELECTRON_RENDERER_URL);
  return url !== null && isLoopbackHttp(url) ? url.href : undefined;
}

function isAppUrl(url: URL): boolean {
  // Node gives non-special schemes an opaque origin ("null"), so compare the parts instead.
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * Whether an IPC message comes from the app's own page: the top frame on app://renderer, or in
 * development the top frame on the dev server's origin. URLs are parsed, never prefix-matched.
 */
export function isTrustedSender(
  frameUrl: string | undefined,
  isTopFrame: boolean,
  devServerUrl?: string,
): boolean {
  if (!isTopFrame) return false;
  const url = parseUrl(frameUrl);
  if (url === null) return false;
  if (isAppUrl(url)) return true;
  const dev = parseUrl(devServerUrl);
  return dev !== null && isLoopbackHttp(dev) && url.origin === dev.origin;
}

/**
 * Maps app://renderer/<path> to a file under rendererRoot, or null if the URL is for another host,
 * is malformed, or tries to leave the folder (../, %2e%2e, encoded slashes or backslashes, drive letters).
 */
export function resolveAppPath(rendererRoot: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (url === null || !isAppUrl(url) || url.port !== '') return null;

  let pathname = url.pathname === '' ? '/' : url.pathname;
  if (pathname.endsWith('/')) pathname += 'index.html';

  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) {
      return null;
    }
    segments.push(segment);
  }

  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`);
  if (relative === '' || outside || path.isAbsolute(relative)) return null;
  return file;
}

/** The part of WebContents the hardening touches; a real WebContents satisfies it. */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }) => void,
  ): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * Applied to every WebContents the app creates: no navigation away from the loaded page (in-page
 * history changes are not navigations), no redirects, no webviews, no new windows.
 */
export function hardenWebContents(contents: HardenableContents): void {
  const deny = (event: { preventDefault(): void }): void => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-frame-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The part of Session the hardening touches; a real Session satisfies it. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/** The app needs no browser permission (camera, notifications, clipboard-read …): refuse them all. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
