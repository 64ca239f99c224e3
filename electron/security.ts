// The app's security policy as plain data and small functions: window options, the CSP, which IPC
// senders and app:// paths are trusted, and the handlers that deny navigation, popups and permissions.
import type { BrowserWindowConstructorOptions } from 'electron';
import { staticFilePath } from '../transport/static-files';
import { apiMethodsArg } from './preload-api';

/** The UI is served from app://renderer/ (see protocol.ts); nothing else is ever trusted in production. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const APP_TITLE = '招商项目管理';

export interface WindowPolicy {
  /** DevTools for development only: pass `!app.isPackaged`. Off unless asked for. */
  devTools?: boolean;
}

/**
 * Window options for the one app window. Sized to fit a 1366×768 laptop with a taskbar; shown only
 * once the first paint is ready so the user never sees a white flash. The preload learns the API's
 * method names from an extra argv entry (see preload-api.ts).
 */
export function windowOptions(
  preloadPath: string,
  apiMethods: readonly string[] = [],
  policy: WindowPolicy = {},
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
      // A packaged app has no DevTools: nobody can inspect or script the page with them.
      devTools: policy.devTools ?? false,
    },
  };
}

/** Sent as a response header by the app:// handler and written into the built index.html. */
export { contentSecurityPolicy } from '../transport/csp';

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

/** The URL of a file on app://renderer (no port, no credentials), or null for any other. */
export function isAppFileUrl(requestUrl: string): URL | null {
  const url = parseUrl(requestUrl);
  return url !== null && isAppUrl(url) && url.port === '' ? url : null;
}

/**
 * Maps app://renderer/<path> to a file under rendererRoot, or null if the URL is for another host,
 * is malformed, or tries to leave the folder (the check both transports share: staticFilePath).
 */
export function resolveAppPath(rendererRoot: string, requestUrl: string): string | null {
  const url = isAppFileUrl(requestUrl);
  return url === null ? null : staticFilePath(rendererRoot, url.pathname);
}

/**
 * Whether the session may make a request at all. The app is offline: only its own app:// pages,
 * in-memory data: and blob: URLs, DevTools' own pages and, in development, the dev server (http and
 * its WebSocket). Anything else (a remote site, a file:// path, a DNS prefetch) is cancelled.
 */
export function isAllowedRequest(requestUrl: string, devServerUrl?: string): boolean {
  const url = parseUrl(requestUrl);
  if (url === null) return false;
  if (isAppUrl(url)) return url.port === '';
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') {
    return true;
  }
  const dev = parseUrl(devServerUrl);
  if (dev === null || !isLoopbackHttp(dev)) return false;
  return (
    (url.protocol === 'http:' || url.protocol === 'ws:') &&
    url.host === dev.host &&
    url.username === '' &&
    url.password === ''
  );
}

interface Cancelable {
  preventDefault(): void;
}

/** The part of WebContents the hardening touches; a real WebContents satisfies it. */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: Cancelable) => void,
  ): unknown;
  on(
    event: 'select-bluetooth-device',
    listener: (event: Cancelable, devices: unknown, callback: (deviceId: string) => void) => void,
  ): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * Applied to every WebContents the app creates: no navigation away from the loaded page (in-page
 * history changes are not navigations), no redirects, no webviews, no new windows, no Bluetooth
 * device (Electron would otherwise pick the first one it finds once a listener exists).
 */
export function hardenWebContents(contents: HardenableContents): void {
  const deny = (event: Cancelable): void => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-frame-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback(''); // an empty id cancels the request
  });
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
  setDevicePermissionHandler(handler: () => boolean): void;
  setDisplayMediaRequestHandler(
    handler: (request: unknown, callback: (streams: null) => void) => void,
  ): void;
  on(
    event: 'select-hid-device' | 'select-usb-device',
    listener: (event: Cancelable, details: unknown, callback: () => void) => void,
  ): unknown;
  on(
    event: 'select-serial-port',
    listener: (
      event: Cancelable,
      portList: unknown,
      webContents: unknown,
      callback: (portId: string) => void,
    ) => void,
  ): unknown;
  readonly webRequest: {
    onBeforeRequest(
      listener: (
        details: { url: string },
        callback: (response: { cancel: boolean }) => void,
      ) => void,
    ): void;
  };
}

export interface SessionPolicy {
  /** The dev server the unpackaged app loads from (see devRendererUrl); its requests are allowed. */
  devServerUrl?: string | undefined;
  /** Told about each request the session cancels, for the log. */
  onBlockedRequest?: (url: string) => void;
}

/**
 * The app needs no browser permission (camera, notifications, clipboard-read …), no device (HID,
 * USB, serial), no screen capture and no network: refuse them all, including the requests that do
 * not go through the permission handlers (device pickers, getDisplayMedia, plain network requests).
 */
export function hardenSession(session: HardenableSession, policy: SessionPolicy = {}): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Device access granted without asking (e.g. a device the page used before): none.
  session.setDevicePermissionHandler(() => false);
  // getDisplayMedia: null (not {}) is how Electron's handler refuses a capture.
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // Device pickers, should a request ever get past the permission check: cancel them.
  const cancelPicker = (event: Cancelable, _details: unknown, callback: () => void): void => {
    event.preventDefault();
    callback();
  };
  session.on('select-hid-device', cancelPicker);
  session.on('select-usb-device', cancelPicker);
  session.on('select-serial-port', (event, _ports, _webContents, callback) => {
    event.preventDefault();
    callback(''); // an empty id cancels the request
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, policy.devServerUrl);
    if (!allowed) policy.onBlockedRequest?.(details.url);
    callback({ cancel: !allowed });
  });
}
