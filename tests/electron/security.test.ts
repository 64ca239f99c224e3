// The security policy as data: window options, CSP, trusted IPC senders, app:// path mapping, and the
// handlers that deny navigation, popups, webviews and permissions.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  devRendererUrl,
  hardenSession,
  hardenWebContents,
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
});

describe('hardenSession', () => {
  it('refuses every permission request and check', () => {
    let requestHandler:
      ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (handler) => {
        requestHandler = handler;
      },
      setPermissionCheckHandler: (handler) => {
        checkHandler = handler;
      },
    });
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal']) {
      requestHandler?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler?.()).toBe(false);
  });
});
