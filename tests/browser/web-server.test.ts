// The browser harness's HTTP side: the built renderer with the app's CSP, the run's token and the
// injected window.api script, nothing outside out/renderer, and POST /rpc/:method answered by the
// window's API with the contract's result values (bad JSON, unknown method, oversized or foreign
// requests, requests without the run's token and paths instead of file handles refused).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, RPC_TOKEN_HEADER, startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import { errorMessages } from '../../domain/errors';
import { windowMethodNames } from '../../domain/file-choice';
import { contentSecurityPolicy } from '../../electron/security';
import { tempDir } from '../helpers';
import { rendererIndex, requireBuiltRenderer } from './harness';

let server: WebServer;
let dir: string;

beforeAll(async () => {
  requireBuiltRenderer();
  dir = tempDir('zs-web-');
  server = await startWebServer({ port: 0, dbFile: join(dir, 'web.sqlite') });
});

afterAll(async () => {
  await server?.close();
});

const get = (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init);
const post = (method: string, body: string, headers: Record<string, string> = {}) =>
  fetch(new URL(`rpc/${method}`, server.url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      [RPC_TOKEN_HEADER]: server.rpcToken,
      ...headers,
    },
    body,
  });
const tokenIn = (html: string) =>
  /<meta name="zhaoshang-rpc-token" content="([^"]*)">/.exec(html)?.[1];

describe('static files', () => {
  it('listens on an ephemeral port of 127.0.0.1 when asked for port 0', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.url).not.toContain(':0/');
  });

  it('serves index.html with the app CSP, the token, and window.api before the app module', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    const html = await response.text();
    const token = html.indexOf('<meta name="zhaoshang-rpc-token"');
    const api = html.indexOf('<script src="/web-api.js"></script>');
    const app = html.search(/<script[^>]*type="module"/);
    expect(token).toBeGreaterThan(0);
    expect(api).toBeGreaterThan(token);
    expect(app).toBeGreaterThan(api);
    expect(tokenIn(html)).toBe(server.rpcToken);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>招商项目管理</title>');
  });

  it('has the same policy in the meta tag as in the header, less frame-ancestors (header only)', () => {
    const html = readFileSync(rendererIndex, 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const headerOnly = contentSecurityPolicy
      .split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(headerOnly);
  });

  it('serves /web-api.js: one function per method, each POSTing to /rpc/<method> with the page token', async () => {
    const response = await get('/web-api.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const script = await response.text();
    // The script itself holds no token: a page of another origin that includes it learns nothing.
    expect(script).not.toContain(server.rpcToken);
    const calls: { url: string; init: RequestInit }[] = [];
    const window: Record<string, unknown> = {};
    const fetch = (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return Promise.resolve({ json: () => Promise.resolve({ ok: true, data: 1 }) });
    };
    const meta = { getAttribute: (name: string) => (name === 'content' ? 'page-token' : null) };
    const document = {
      querySelector: (selector: string) =>
        selector === 'meta[name="zhaoshang-rpc-token"]' ? meta : null,
    };
    runInNewContext(script, { window, fetch, document });
    const api = window.api as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...windowMethodNames].sort());
    await expect(api['ledger.query']?.({ limit: 5 })).resolves.toEqual({ ok: true, data: 1 });
    expect(calls).toEqual([
      {
        url: '/rpc/ledger.query',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [RPC_TOKEN_HEADER]: 'page-token' },
          body: '{"limit":5}',
        },
      },
    ]);
  });

  it('serves built assets with their content types and the CSP', async () => {
    const html = readFileSync(rendererIndex, 'utf8');
    const js = /src="\.?(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    // The stylesheet comes with the app's chunk, which the small entry script loads.
    const cssFile = readdirSync(join(dirname(rendererIndex), 'assets')).find((f) =>
      f.endsWith('.css'),
    );
    const css = cssFile && `/assets/${cssFile}`;
    for (const [path, type] of [
      [js, 'text/javascript; charset=utf-8'],
      [css, 'text/css; charset=utf-8'],
    ]) {
      const response = await get(path ?? '/missing');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    }
  });

  it.each([
    '/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/..%5c..%5cpackage.json',
    '/missing.js',
    '/assets',
  ])('answers 404 for %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
  });

  it('accepts only GET for files and only POST for /rpc', async () => {
    expect((await get('/', { method: 'POST' })).status).toBe(405);
    expect((await get('/rpc/app.status')).status).toBe(405);
  });
});

describe('POST /rpc/:method', () => {
  it('answers with the dispatcher: the database was created and initialised with the defaults', async () => {
    const response = await post('app.status', 'null');
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({
      ok: true,
      data: { initialized: true, user: '演示用户', office: '本部' },
    });
  });

  it('passes validation errors through as result values', async () => {
    const result = await (await post('project.create', '{}')).json();
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('answers BAD_JSON for a body that is not JSON', async () => {
    const response = await post('ledger.query', '{"limit":');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      code: 'BAD_JSON',
      message: errorMessages.BAD_JSON,
    });
  });

  it('answers UNKNOWN_METHOD for a name outside the contract', async () => {
    const result = await (await post('db.drop', '{}')).json();
    expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_METHOD' });
  });

  it('refuses bodies over 5 MB', async () => {
    const response = await post('ledger.query', `"${'x'.repeat(MAX_BODY_BYTES)}"`);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it("refuses a request without the run's token, or with a wrong one; takes the page's token", async () => {
    const missing = await fetch(new URL('rpc/app.status', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'null',
    });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toEqual({
      ok: false,
      code: 'FORBIDDEN_SENDER',
      message: errorMessages.FORBIDDEN_SENDER,
    });
    const wrong = await post('app.status', 'null', { [RPC_TOKEN_HEADER]: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    const empty = await post('app.status', 'null', { [RPC_TOKEN_HEADER]: '' });
    expect(empty.status).toBe(403);
    // A token of the same length that differs in its last character.
    const near = server.rpcToken.slice(0, -1) + (server.rpcToken.endsWith('A') ? 'B' : 'A');
    expect((await post('app.status', 'null', { [RPC_TOKEN_HEADER]: near })).status).toBe(403);

    // The token the page gets in index.html works; it is random for each run.
    const token = tokenIn(await (await get('/')).text());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const right = await post('app.status', 'null', { [RPC_TOKEN_HEADER]: token! });
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ ok: true, data: { initialized: true } });
    const other = await startWebServer({ port: 0, dbFile: join(dir, 'other.sqlite') });
    try {
      expect(other.rpcToken).not.toBe(server.rpcToken);
      const crossed = await fetch(new URL('rpc/app.status', other.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [RPC_TOKEN_HEADER]: server.rpcToken },
        body: 'null',
      });
      expect(crossed.status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('refuses a path where a file handle belongs; takes a file chosen by chooseFile', async () => {
    const file = join(dir, '备份.sqlite');
    const byPath = await post('backup.create', JSON.stringify({ file }));
    expect(await byPath.json()).toEqual({
      ok: false,
      code: 'FILE_NOT_CHOSEN',
      message: errorMessages.FILE_NOT_CHOSEN,
    });
    expect(existsSync(file)).toBe(false);

    // Nothing chosen: the page's dialog is cancelled.
    const cancelled = await post('file.choose', JSON.stringify({ use: 'save', kind: 'backup' }));
    expect(await cancelled.json()).toEqual({ ok: true, data: null });
    server.chooseFile(file);
    const chosen = (await (
      await post('file.choose', JSON.stringify({ use: 'save', kind: 'backup' }))
    ).json()) as { ok: true; data: { handle: string; name: string; path: string } };
    expect(chosen).toMatchObject({ ok: true, data: { name: '备份.sqlite', path: file } });
    const made = await post('backup.create', JSON.stringify({ file: chosen.data.handle }));
    expect(await made.json()).toMatchObject({ ok: true, data: { file } });
    expect(existsSync(file)).toBe(true);
  });

  it('refuses requests that are not JSON or come from another origin', async () => {
    const form = await post('app.status', 'null', { 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
    const foreign = await post('app.status', 'null', { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ ok: false, code: 'FORBIDDEN_SENDER' });
  });
});

describe('startWebServer options', () => {
  it('initialises a new database with the given user and office, and loads demo data once', async () => {
    const dbFile = join(dir, 'demo.sqlite');
    const count = async (s: WebServer) => {
      const result = await s.dispatch('ledger.query', { limit: 1 });
      if (!result.ok) throw new Error(result.message);
      return (result.data as { totals: { count: number } }).totals.count;
    };
    const first = await startWebServer({
      port: 0,
      dbFile,
      user: '王五',
      office: '深圳',
      demoProjects: 20,
    });
    try {
      expect(await count(first)).toBe(20);
      expect(await first.dispatch('app.status', undefined)).toMatchObject({
        ok: true,
        data: { user: '王五', office: '深圳' },
      });
    } finally {
      await first.close();
    }
    const again = await startWebServer({ port: 0, dbFile, demoProjects: 20 });
    try {
      expect(await count(again)).toBe(20);
    } finally {
      await again.close();
    }
  });

  it('fails with a clear message when the renderer is not built', async () => {
    await expect(
      startWebServer({ port: 0, dbFile: join(dir, 'x.sqlite'), rendererRoot: join(dir, 'nope') }),
    ).rejects.toThrow(/electron-vite build/);
  });
});
