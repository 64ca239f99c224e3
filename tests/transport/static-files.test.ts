// The one path check and set of headers both transports use (the app:// handler and the browser
// harness): files under the root only, whatever the URL path tries.
import path from 'node:path';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../transport/csp';
import { readStaticFile, responseHeaders, staticFilePath } from '../../transport/static-files';

const root = path.resolve('/srv/app/out/renderer');

describe('staticFilePath', () => {
  it('maps / and paths ending in / to index.html, and others to files under the root', () => {
    expect(staticFilePath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(staticFilePath(root, '')).toBe(path.join(root, 'index.html'));
    expect(staticFilePath(root, '/assets/')).toBe(path.join(root, 'assets', 'index.html'));
    expect(staticFilePath(root, '/assets/%E5%9B%BE.png')).toBe(path.join(root, 'assets', '图.png'));
    // A name that merely starts with two dots is a file like any other.
    expect(staticFilePath(root, '/..notes.txt')).toBe(path.join(root, '..notes.txt'));
  });

  it('refuses whatever would leave the root or is odd', () => {
    for (const urlPath of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2E%2E/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/C:/Windows/win.ini',
      '//etc/passwd',
      '/%00index.html',
      '/%E0%A4%A',
      'index.html',
    ]) {
      expect(staticFilePath(root, urlPath), urlPath).toBe(null);
    }
  });
});

describe('readStaticFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zs-static-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file with its content type; a folder or a missing file is null', async () => {
    const served = path.join(dir, 'renderer');
    mkdirSync(path.join(served, 'assets'), { recursive: true });
    writeFileSync(path.join(served, 'assets', 'a.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const css = await readStaticFile(served, '/assets/a.css');
    expect(css?.contentType).toBe('text/css; charset=utf-8');
    expect(css?.bytes.toString()).toBe('body{}');
    expect(await readStaticFile(served, '/assets')).toBe(null);
    expect(await readStaticFile(served, '/missing.js')).toBe(null);
    expect(await readStaticFile(served, '/../secret.txt')).toBe(null);
  });

  it('gives every response the CSP, no sniffing and no caching', () => {
    expect(responseHeaders('text/html; charset=utf-8')).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
  });
});
