// Serves the built renderer (out/renderer) on app://renderer/ instead of file://, with the CSP as a
// response header (transport/static-files.ts, shared with the browser harness). The scheme must be
// registered before the app is ready; the handler after.
import type { Protocol } from 'electron';
import { TEXT_PLAIN, readStaticFile, responseHeaders } from '../transport/static-files';
import { APP_SCHEME, isAppFileUrl } from './security';

/** Call before app 'ready'. standard: real origin and relative URLs; secure: treated like https. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

type Body = ConstructorParameters<typeof Response>[0];

function respond(status: number, body: Body, contentType: string): Response {
  return new Response(body, { status, headers: responseHeaders(contentType) });
}

/** The app:// request handler: GET only, files under rendererRoot only, 404 for anything else. */
export function createAppHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return respond(405, 'Method Not Allowed', TEXT_PLAIN);
    const url = isAppFileUrl(request.url);
    const found = url === null ? null : await readStaticFile(rendererRoot, url.pathname);
    if (found === null) return respond(404, 'Not Found', TEXT_PLAIN);
    return respond(200, new Uint8Array(found.bytes), found.contentType);
  };
}

/** Call after app 'ready'. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(rendererRoot));
}
