// The built renderer's files as both transports serve them, the Electron app:// handler
// (electron/protocol.ts) and the browser harness (web/server.ts): one path check, one table of
// content types and one set of response headers carrying the CSP, so the page cannot tell the two
// apart and a fix to the path check holds for both.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from './csp';

/**
 * Maps a URL's path to a file under root, or null if it tries to leave the folder (../, %2e%2e,
 * encoded slashes or backslashes, drive letters), has an empty segment, a NUL or a bad escape. A
 * path ending in / means its index.html.
 */
export function staticFilePath(root: string, urlPath: string): string | null {
  let pathname = urlPath === '' ? '/' : urlPath;
  if (!pathname.startsWith('/')) return null;
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

  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const relative = path.relative(base, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`);
  if (relative === '' || outside || path.isAbsolute(relative)) return null;
  return file;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const TEXT_PLAIN = 'text/plain; charset=utf-8';

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The headers of every response either transport sends: the CSP, no sniffing, no caching. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

export interface StaticFile {
  file: string;
  bytes: Buffer;
  contentType: string;
}

/** The file under root that the URL path names, or null (the caller answers 404). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const file = staticFilePath(root, urlPath);
  if (file === null) return null;
  try {
    return { file, bytes: await readFile(file), contentType: contentTypeFor(file) };
  } catch {
    // Missing file or a directory.
    return null;
  }
}
