// The security policy as data: window options, CSP, trusted IPC senders, app:// path mapping, and the
// handlers that deny navigation, popups, webviews and permissions.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HardenableSession } from '../../electron/security';
import {
  contentSecurityPolicy,
  devRendererUrl,
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  isTrustedSender,
  resolveAppPath,
  windowOptions,
} from '../../electron/security';

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer with no Node and no webviews', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('never touches the web-security escape hatches', () => {
    for (const key of [
      'webSecurity',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
    ]) {
      expect(prefs).not.toHaveProperty(key);
    }
  });

  it('has no DevTools unless asked for (main asks only when unpackaged)', () => {
    expect(prefs.devTools).toBe(false);
    const packaged = windowOptions('/p.cjs', [], { devTools: false }).webPreferences;
    const unpackaged = windowOptions('/p.cjs', [], { devTools: true }).webPreferences;
    expect(packaged?.devTools).toBe(false);
    expect(unpackaged?.devTools).toBe(true);
    // Nothing else depends on it.
    expect({ ...packaged, devTools: true }).toEqual(unpackaged);
  });

  it('fits a 1366x768 laptop and waits for ready-to-show', () => {
    expect(options.width).toBeLessThanOrEqual(1366);
    expect(options.height).toBeLessThanOrEqual(768 - 40);
    expect(options.minWidth).toBe(1100);
    expect(options.title).toBe('招商项目管理');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('contentSecurityPolicy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows no remote origin, wildcard or eval', () => {
    expect(contentSecurityPolicy).not.toMatch(/https?:/);
    expect(contentSecurityPolicy).not.toContain('*');
    expect(contentSecurityPolicy).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy).not.toContain("'unsafe-inline'");
  });

  it("runs scripts from 'self' only", () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('shuts objects, base URIs, forms and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('isTrustedSender', () => {
  it('trusts the top frame on app://renderer', () => {
    expect(isTrustedSender('app://renderer/index.html', true)).toBe(true);
    expect(isTrustedSender('app://renderer/', true)).toBe(true);
  });

  it('rejects subframes, even on app://renderer', () => {
    expect(isTrustedSender('app://renderer/index.html', false)).toBe(false);
  });

  it('rejects other schemes, hosts and look-alikes', () => {
    for (const url of [
      'https://evil.example/',
      'http://renderer/index.html',
      'app://renderer.evil/index.html',
      'app://renderer@evil/index.html',
      'app://evil@renderer/index.html',
      'app://user:pass@renderer/index.html',
      'app://evil/renderer/index.html',
      'file:///app/out/renderer/index.html',
      'file://renderer/index.html',
      'data:text/html,<p>hi</p>',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
    ]) {
      expect(isTrustedSender(url, true), url).toBe(false);
    }
    expect(isTrustedSender(undefined, true)).toBe(false);
  });

  it('trusts the dev server origin only when one is given, by origin not prefix', () => {
    const dev = 'http://localhost:5173/';
    expect(isTrustedSender('http://localhost:5173/index.html', true)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/index.html', true, dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/index.html', false, dev)).toBe(false);
    expect(isTrustedSender('http://localhost:5174/', true, dev)).toBe(false);
    expect(isTrustedSender('http://localhost:5173.evil.example/', true, dev)).toBe(false);
    expect(isTrustedSender('http://localhost:5173@evil.example/', true, dev)).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', true, dev)).toBe(false);
  });

  it('never trusts a dev server that is not loopback http', () => {
    expect(isTrustedSender('https://evil.example/', true, 'https://evil.example/')).toBe(false);
  });
});

describe('devRendererUrl', () => {
  it('is ignored in a packaged app', () => {
    expect(devRendererUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(
      undefined,
    );
  });

  it('accepts a loopback http URL in development only', () => {
    expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(
      'http://localhost:5173/',
    );
    expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' })).toBe(
      'http://127.0.0.1:5173/',
    );
    expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBe(
      undefined,
    );
    expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: 'garbage' })).toBe(undefined);
    expect(devRendererUrl(false, {})).toBe(undefined);
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/app/out/renderer');

  it("maps '/' to index.html and paths to files under the root", () => {
    expect(resolveAppPath(root, 'app://renderer/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://renderer')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://renderer/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://renderer/assets/index-Ab12.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-Ab12.js'),
    );
    expect(resolveAppPath(root, 'app://renderer/assets/%E5%9B%BE.png')).toBe(
      path.join(root, 'assets', '图.png'),
    );
  });

  it('folds ../ (plain or %2e%2e) at the root, as a browser would, so it stays inside', () => {
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/assets/../../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/%2E%2E/%2e%2E/secret.txt',
    ]) {
      expect(resolveAppPath(root, url), url).toBe(path.join(root, 'secret.txt'));
    }
    // Double-encoded dots decode once, to a harmless literal folder name.
    expect(resolveAppPath(root, 'app://renderer/%252e%252e/secret.txt')).toBe(
      path.join(root, '%2e%2e', 'secret.txt'),
    );
  });

  it('rejects encoded separators, drive letters, empty segments, NUL and bad escapes', () => {
    for (const url of [
      'app://renderer/..%2fsecret.txt',
      'app://renderer/..%2Fsecret.txt',
      'app://renderer/..%5csecret.txt',
      'app://renderer/a\\..\\..\\secret.txt',
      'app://renderer/assets%2f..%2f..%2fsecret.txt',
      'app://renderer/C:/Windows/win.ini',
      'app://renderer/C%3A%5CWindows%5Cwin.ini',
      'app://renderer//etc/passwd',
      'app://renderer/%00index.html',
      'app://renderer/%E0%A4%A',
    ]) {
      expect(resolveAppPath(root, url), url).toBe(null);
    }
  });

  it('rejects other hosts, schemes, ports and credentials', () => {
    for (const url of [
      'app://other/index.html',
      'app://renderer.evil/index.html',
      'app://renderer@evil/index.html',
      'app://x@renderer/index.html',
      'app://renderer:8080/index.html',
      'https://renderer/index.html',
      'file:///srv/app/out/renderer/index.html',
      'nonsense',
    ]) {
      expect(resolveAppPath(root, url), url).toBe(null);
    }
  });
});

/** A fake WebContents: real events, and a recorder for the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: (() => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

function fireCancelable(contents: EventEmitter, name: string): boolean {
  let prevented = false;
  contents.emit(name, {
    preventDefault: () => {
      prevented = true;
    },
  });
  return prevented;
}

describe('hardenWebContents', () => {
  it('cancels navigation, redirects and webviews, and denies new windows', () => {
    const contents = new FakeContents();
    hardenWebContents(contents);
    for (const event of [
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
    ]) {
      expect(fireCancelable(contents, event), event).toBe(true);
    }
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('cancels Bluetooth device selection instead of letting Electron pick the first device', () => {
    const contents = new FakeContents();
    hardenWebContents(contents);
    const picked: string[] = [];
    let prevented = false;
    const event = {
      preventDefault: () => {
        prevented = true;
      },
    };
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'b1' }], (id: string) =>
      picked.push(id),
    );
    expect(prevented).toBe(true);
    expect(picked).toEqual(['']);
  });
});

describe('isAllowedRequest', () => {
  it("allows the app's own pages, in-memory URLs and DevTools", () => {
    for (const url of [
      'app://renderer/index.html',
      'app://renderer/assets/index-Ab12.js',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://renderer/7f0c1b8e-1111-2222-3333-444455556666',
      'devtools://devtools/bundled/devtools_app.html',
    ]) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
  });

  it('cancels remote, file and look-alike requests', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'http://127.0.0.1/',
      'file:///etc/passwd',
      'ftp://example.com/',
      'app://renderer.evil/index.html',
      'app://evil/index.html',
      'app://x@renderer/index.html',
      'app://renderer:1/index.html',
      'chrome://gpu',
      'not a url',
      '',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('allows the dev server, over http and its WebSocket, only when one is given', () => {
    const dev = 'http://localhost:5173/';
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequest('http://evil@localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false);
    expect(isAllowedRequest('https://evil.example/', 'https://evil.example/')).toBe(false);
  });
});

type RequestHandler = Parameters<HardenableSession['setPermissionRequestHandler']>[0];
type DisplayMediaHandler = Parameters<HardenableSession['setDisplayMediaRequestHandler']>[0];
type BeforeRequest = Parameters<HardenableSession['webRequest']['onBeforeRequest']>[0];

/** A fake Session: real events, and a recorder for every handler the hardening installs. */
class FakeSession extends EventEmitter {
  requestHandler: RequestHandler | undefined;
  checkHandler: (() => boolean) | undefined;
  deviceHandler: (() => boolean) | undefined;
  displayMediaHandler: DisplayMediaHandler | undefined;
  beforeRequest: BeforeRequest | undefined;
  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: DisplayMediaHandler): void {
    this.displayMediaHandler = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest): void => {
      this.beforeRequest = listener;
    },
  };
}

function hardened(policy?: Parameters<typeof hardenSession>[1]): FakeSession {
  const session = new FakeSession();
  hardenSession(session, policy);
  return session;
}

describe('hardenSession', () => {
  it('refuses every permission request and check', () => {
    const session = hardened();
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      session.requestHandler?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(session.checkHandler?.()).toBe(false);
  });

  it('grants no device permission without asking', () => {
    expect(hardened().deviceHandler?.()).toBe(false);
  });

  it('refuses screen capture with null, the value Electron treats as a refusal', () => {
    const session = hardened();
    const answers: unknown[] = [];
    session.displayMediaHandler?.({ videoRequested: true }, (streams) => answers.push(streams));
    expect(answers).toEqual([null]);
  });

  it('cancels the HID, USB and serial device pickers', () => {
    const session = hardened();
    for (const event of ['select-hid-device', 'select-usb-device']) {
      const picked = { prevented: 0, calls: [] as unknown[][] };
      const prevent = { preventDefault: () => (picked.prevented += 1) };
      session.emit(event, prevent, { deviceList: [{ deviceId: 'd1' }] }, (...args: unknown[]) =>
        picked.calls.push(args),
      );
      expect(picked, event).toEqual({ prevented: 1, calls: [[]] });
    }
    const ports: string[] = [];
    let prevented = false;
    session.emit(
      'select-serial-port',
      { preventDefault: () => (prevented = true) },
      [{ portId: 'p1' }],
      {},
      (portId: string) => ports.push(portId),
    );
    expect(prevented).toBe(true);
    expect(ports).toEqual(['']);
  });

  it('cancels every network request the app does not own, and reports it', () => {
    const blocked: string[] = [];
    const session = hardened({ onBlockedRequest: (url) => blocked.push(url) });
    const cancel = (url: string): boolean | undefined => {
      let answer: boolean | undefined;
      session.beforeRequest?.({ url }, (response) => {
        answer = response.cancel;
      });
      return answer;
    };
    expect(cancel('app://renderer/index.html')).toBe(false);
    expect(cancel('https://example.com/track.gif')).toBe(true);
    expect(cancel('http://localhost:5173/')).toBe(true);
    expect(blocked).toEqual(['https://example.com/track.gif', 'http://localhost:5173/']);
  });

  it('lets the dev server through in development', () => {
    const session = hardened({ devServerUrl: 'http://localhost:5173/' });
    const answers: boolean[] = [];
    for (const url of [
      'http://localhost:5173/@vite/client',
      'ws://localhost:5173/',
      'https://a.b/',
    ]) {
      session.beforeRequest?.({ url }, (response) => answers.push(response.cancel));
    }
    expect(answers).toEqual([false, false, true]);
  });
});
