// One Content-Security-Policy: the header the app:// handler sends, and the meta tag the renderer
// build writes from it (strict in a build, loosened only for Vite's dev server), never a hand copy.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  IndexHtmlTransformContext,
  IndexHtmlTransformHook,
  Plugin,
  ViteDevServer,
} from 'vite';
import config, { cspMetaPlugin } from '../../electron.vite.config';
import {
  contentSecurityPolicy,
  devContentSecurityPolicy,
  injectCspMeta,
  metaContentSecurityPolicy,
} from '../../transport/csp';
import { contentSecurityPolicy as headerPolicy } from '../../electron/security';

const strictMeta =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

/** Every CSP meta tag's policy in a page, in order. */
function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/gi)].map(
    (m) => m[1] ?? '',
  );
}

describe('the policies', () => {
  it('is the one policy security.ts hands the app:// handler', () => {
    expect(headerPolicy).toBe(contentSecurityPolicy);
  });

  it('puts the header policy, less frame-ancestors, into the meta tag', () => {
    expect(metaContentSecurityPolicy()).toBe(strictMeta);
    const headerOnly = contentSecurityPolicy
      .split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(metaContentSecurityPolicy()).toBe(headerOnly);
    expect(metaContentSecurityPolicy("default-src 'self'; sandbox; report-uri /x")).toBe(
      "default-src 'self'",
    );
  });

  it('loosens only script, style and connect for the dev server, and only by what Vite needs', () => {
    const dev = directivesOf(devContentSecurityPolicy(['http://localhost:5173']));
    const strict = directivesOf(strictMeta);
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual([
      "'self'",
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
    for (const [name, values] of strict) {
      if (!['script-src', 'style-src', 'connect-src'].includes(name)) {
        expect(dev.get(name), name).toEqual(values);
      }
    }
    expect([...dev.keys()]).toEqual([...strict.keys()]);
    expect(devContentSecurityPolicy(['https://127.0.0.1:5173/'])).toContain(
      "connect-src 'self' https://127.0.0.1:5173 wss://127.0.0.1:5173;",
    );
    expect(devContentSecurityPolicy([])).not.toContain("'unsafe-eval'");
    expect(() => devContentSecurityPolicy(['ws://localhost:5173'])).toThrow();
  });
});

describe('injectCspMeta', () => {
  it('writes the tag right after <meta charset> when that opens the head', () => {
    const html =
      '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <title>t</title>\n  </head>\n</html>';
    expect(injectCspMeta(html, "default-src 'self'")).toBe(
      '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n' +
        `    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />\n` +
        '    <title>t</title>\n  </head>\n</html>',
    );
  });

  it('writes it first in the head, before scripts injected there, otherwise', () => {
    const html =
      '<html><head>\n<script type="module" src="/@vite/client"></script>\n<meta charset="UTF-8"></head></html>';
    const out = injectCspMeta(html, "default-src 'self'");
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'));
    expect(metaPolicies(out)).toEqual(["default-src 'self'"]);
  });

  it('refuses a page with a policy of its own, no head, or a policy that would break out', () => {
    const own =
      '<html><head><meta\n  http-equiv="content-security-policy" content="default-src *"></head></html>';
    expect(() => injectCspMeta(own, strictMeta)).toThrow(/its own Content-Security-Policy/);
    expect(() => injectCspMeta('<html><body></body></html>', strictMeta)).toThrow(/no <head>/);
    expect(() => injectCspMeta('<head></head>', `default-src "x"><script>`)).toThrow();
  });
});

type Handler = (html: string, context: IndexHtmlTransformContext) => string;

function handlerOf(plugin: Plugin): Handler {
  const hook = plugin.transformIndexHtml as { order?: string; handler: IndexHtmlTransformHook };
  expect(hook.order).toBe('post');
  return (html, context) => hook.handler.call({} as never, html, context) as string;
}

const sourceHtml = readFileSync(path.resolve('renderer/index.html'), 'utf8');

describe('the renderer build (cspMetaPlugin)', () => {
  const transform = handlerOf(cspMetaPlugin());

  it('is in the renderer config', () => {
    const plugins = (config.renderer?.plugins ?? []).flat() as Plugin[];
    expect(plugins.map((p) => p?.name)).toContain('zhaoshang:csp-meta');
  });

  it('leaves renderer/index.html without a policy of its own', () => {
    expect(sourceHtml).not.toMatch(/http-equiv\s*=\s*["']?content-security-policy/i);
  });

  it('writes the strict policy in a build', () => {
    const out = transform(sourceHtml, { path: '/index.html', filename: 'index.html' });
    expect(metaPolicies(out)).toEqual([strictMeta]);
  });

  it("writes the dev policy, with the dev server's origins, when served", () => {
    const server = {
      config: { server: { port: 5173, host: undefined, https: undefined } },
      resolvedUrls: { local: ['http://localhost:5173/'], network: [] },
    } as unknown as ViteDevServer;
    const out = transform(sourceHtml, { path: '/', filename: 'index.html', server });
    expect(metaPolicies(out)).toEqual([devContentSecurityPolicy(['http://localhost:5173'])]);
  });
});

describe('the built index.html', () => {
  const built = path.resolve('out/renderer/index.html');

  it.skipIf(!existsSync(built))('carries exactly the strict policy, before every script', () => {
    const html = readFileSync(built, 'utf8');
    expect(metaPolicies(html)).toEqual([metaContentSecurityPolicy()]);
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(html.indexOf('<script'));
    expect(html.slice(0, meta)).toMatch(/<meta charset="UTF-8" \/>\s*<meta $/);
  });
});
