// Serves the built renderer (out/renderer) on app://renderer/ instead of file://, with the CSP as a
// response header. The scheme must be registered before the app is ready; the handler after.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_SCHEME, contentSecurityPolicy, resolveAppPath } from './security';

/** Call before app 'ready'. standard: real origin and relative URLs; secure: treated like https. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
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

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

type Body = ConstructorParameters<typeof Response>[0];

function respond(status: number, body: Body, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

/** The app:// request handler: GET only, files under rendererRoot only, 404 for anything else. */
export function createAppHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') {
      return respond(405, 'Method Not Allowed', 'text/plain; charset=utf-8');
    }
    const file = resolveAppPath(rendererRoot, request.url);
    if (file !== null) {
      try {
        const bytes = await readFile(file);
        return respond(200, new Uint8Array(bytes), contentTypeFor(file));
      } catch {
        // Missing file or a directory: fall through to 404.
      }
    }
    return respond(404, 'Not Found', 'text/plain; charset=utf-8');
  };
}

/** Call after app 'ready'. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(rendererRoot));
}
