// The app:// handler serves the built renderer from disk: GET only, CSP on every response, right
// content types, 404 for anything outside the folder or missing.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppHandler, registerAppScheme, serveApp } from '../../electron/protocol';
import { contentSecurityPolicy } from '../../electron/security';

let workDir: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-protocol-'));
  root = path.join(workDir, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>招商</title>');
  writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), 'w');
  writeFileSync(path.join(workDir, 'secret.txt'), 'secret');
  handle = createAppHandler(root);
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetch-capable, and nothing more', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    ]);
  });
});

describe('serveApp', () => {
  it('handles the app scheme', () => {
    const schemes: string[] = [];
    serveApp({ handle: (scheme) => schemes.push(scheme) }, root);
    expect(schemes).toEqual(['app']);
  });
});

describe('the app:// handler', () => {
  it('serves index.html for / with the CSP header', async () => {
    const response = await handle(new Request('app://renderer/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('招商');
  });

  it('gives scripts, styles and fonts their content types', async () => {
    const types = await Promise.all(
      ['assets/index.js', 'assets/index.css', 'assets/font.woff2'].map(async (file) => {
        const response = await handle(new Request(`app://renderer/${file}`));
        return response.headers.get('content-type');
      }),
    );
    expect(types).toEqual([
      'text/javascript; charset=utf-8',
      'text/css; charset=utf-8',
      'font/woff2',
    ]);
  });

  it('answers 404, with the CSP, for missing files, directories and traversal', async () => {
    for (const url of [
      'app://renderer/missing.js',
      'app://renderer/assets',
      'app://renderer/..%2fsecret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://other/index.html',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('accepts GET only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD']) {
      const response = await handle(new Request('app://renderer/index.html', { method }));
      expect(response.status, method).toBe(405);
    }
  });
});
