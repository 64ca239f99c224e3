// The browser harness: serves the built renderer (out/renderer) on 127.0.0.1 and answers
// `POST /rpc/:method` with the same window API the Electron IPC uses (db/window-dispatch.ts), so the
// UI can be run and tested in Chromium. The page gets the same window.api as the preload, from
// /web-api.js. Every /rpc request must carry this run's random token, which only the served
// index.html holds (a page of another origin cannot read it). There is no native file dialog: the
// process that started the server answers the page's file.choose with chooseFile(). The database
// runs in worker threads, as in the app (db/host/).
//   npm run web        (env: PORT, CRM_DB, CRM_USER, CRM_OFFICE, DEMO_PROJECTS)
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dispatch } from '../db/dispatcher';
import { FileHandles } from '../db/file-handles';
import { openDatabaseHost } from '../db/host/database-host';
import { windowDispatch } from '../db/window-dispatch';
import type { FilePicker } from '../db/window-dispatch';
import { fileKinds, windowMethodNames } from '../domain/file-choice';
import type { FileChoice } from '../domain/file-choice';
import { errorMessages } from '../domain/errors';
import type { ApiErr, ApiResult, ErrorCode } from '../domain/errors';
import { TEXT_PLAIN, readStaticFile, responseHeaders } from '../transport/static-files';

export interface WebServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** SQLite file; created and initialised if absent. */
  dbFile: string;
  /** Built renderer folder; defaults to out/renderer next to this repository's root. */
  rendererRoot?: string;
  /** Used by app.init when the database is new. */
  user?: string;
  office?: string;
  /** Initialise a new database (default); false leaves it to the first-run screen. */
  initialize?: boolean;
  /** 本部's init creates the zone under this name (without it, the laptop works alone). */
  zoneName?: string;
  /** A zone invitation a new database joins before its init (an office laptop of 本部's zone). */
  join?: { file: string; passphrase: string };
  /** Loads this many demo projects when the ledger is empty. */
  demoProjects?: number;
  log?: (line: string) => void;
}

export interface WebServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  /**
   * The database host's dispatch, for tests that prepare data from the test's process: it takes
   * paths, as the CLI does. /rpc serves the window's API instead, which takes only handles.
   */
  dispatch: Dispatch;
  /** This run's token, which every /rpc request sends in RPC_TOKEN_HEADER (the page has it too). */
  rpcToken: string;
  /**
   * Stands in for the user at a file dialog: the page's next file.choose gets this path, or the path
   * this function returns for what the page asked (null: the user cancels). A file.choose with
   * nothing queued is cancelled.
   */
  chooseFile(answer: string | null | ((choice: FileChoice) => string | null)): void;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** sync.importData carries a whole sync file as base64 (its own cap is in domain/sync.ts). */
export const MAX_UPLOAD_BODY_BYTES = 360 * 1024 * 1024;
/** Methods that carry a file's bytes. */
const uploadMethods = new Set(['sync.importData', 'ledger.importPreview', 'backup.importData']);
const HOST = '127.0.0.1';
export const RPC_TOKEN_HEADER = 'x-zhaoshang-token';
const TOKEN_META = 'zhaoshang-rpc-token';
const defaultRendererRoot = fileURLToPath(new URL('../out/renderer/', import.meta.url));

/**
 * The classic script that defines window.api: one function per method, each a POST to /rpc with
 * the token from the page's meta tag. The script holds no token itself, so a foreign page that
 * includes it learns nothing.
 */
export function webApiScript(methods: readonly string[]): string {
  return `// window.api for the browser harness: the same shape as the Electron preload.
(function () {
  'use strict';
  var methods = ${JSON.stringify(methods)};
  var meta = document.querySelector('meta[name="${TOKEN_META}"]');
  var token = meta === null ? '' : meta.getAttribute('content');
  var api = {};
  methods.forEach(function (method) {
    api[method] = function (input) {
      return fetch('/rpc/' + method, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', '${RPC_TOKEN_HEADER}': token },
        body: JSON.stringify(input === undefined ? null : input),
      }).then(function (response) {
        return response.json();
      });
    };
  });
  Object.defineProperty(window, 'api', { value: Object.freeze(api) });
})();
`;
}

/**
 * Adds the run's token (a meta tag) and the web-api script that reads it before the app's first
 * module script (or at the end of <head>).
 */
export function injectWebApi(html: string, token: string): string {
  const tag = `<meta name="${TOKEN_META}" content="${token}">\n    <script src="/web-api.js"></script>`;
  const module = html.search(/<script\b[^>]*type="module"/);
  if (module >= 0) return `${html.slice(0, module)}${tag}\n    ${html.slice(module)}`;
  return html.replace('</head>', `  ${tag}\n  </head>`);
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...responseHeaders(contentType), ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function apiError(code: ErrorCode, detail?: string): ApiErr {
  return {
    ok: false,
    code,
    message: detail ? `${errorMessages[code]}：${detail}` : errorMessages[code],
  };
}

/** Reads the body up to the cap; null when it is larger (the caller answers 413). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Whether the request carries this run's token. */
function hasToken(req: IncomingMessage, token: Buffer): boolean {
  const sent = req.headers[RPC_TOKEN_HEADER];
  if (typeof sent !== 'string') return false;
  const bytes = Buffer.from(sent);
  return bytes.length === token.length && timingSafeEqual(bytes, token);
}

/** Only pages of this server may call it: a same-host Host header, no foreign Origin. */
function isLocalRequest(req: IncomingMessage, port: number): boolean {
  const allowed = [`${HOST}:${port}`, `localhost:${port}`];
  if (!allowed.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowed.some((host) => origin === `http://${host}`);
}

async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  dispatch: Dispatch,
): Promise<void> {
  // A JSON content type makes any cross-site request a preflighted one, which this server never
  // approves: no other page can drive the API.
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    sendJson(res, 415, apiError('VALIDATION', '请求须为 JSON（Content-Type: application/json）'));
    return;
  }
  const limit = uploadMethods.has(method) ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
  const body = await readBody(req, limit);
  if (body === null) {
    res.setHeader('Connection', 'close');
    sendJson(res, 413, apiError('VALIDATION', `请求内容超过 ${limit / 1024 / 1024} MB`));
    return;
  }
  let input: unknown;
  try {
    const text = body.toString('utf8');
    input = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    sendJson(res, 400, { ok: false, code: 'BAD_JSON', message: errorMessages.BAD_JSON });
    return;
  }
  sendJson(res, 200, await dispatch(method, input));
}

async function handleStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  rendererRoot: string,
  webApi: string,
  token: string,
): Promise<void> {
  if (req.method !== 'GET') {
    send(res, 405, 'Method Not Allowed', TEXT_PLAIN, { Allow: 'GET' });
    return;
  }
  if (pathname === '/web-api.js') {
    send(res, 200, webApi, 'text/javascript; charset=utf-8');
    return;
  }
  const found = await readStaticFile(rendererRoot, pathname);
  if (found === null) {
    send(res, 404, 'Not Found', TEXT_PLAIN);
  } else if (found.file === path.join(path.resolve(rendererRoot), 'index.html')) {
    send(res, 200, injectWebApi(found.bytes.toString('utf8'), token), found.contentType);
  } else {
    send(res, 200, new Uint8Array(found.bytes), found.contentType);
  }
}

/** Opens (and if needed initialises) the database, then listens on 127.0.0.1. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const log = options.log ?? (() => {});
  const rendererRoot = path.resolve(options.rendererRoot ?? defaultRendererRoot);
  if (!existsSync(path.join(rendererRoot, 'index.html'))) {
    throw new Error(
      `找不到 ${path.join(rendererRoot, 'index.html')}：请先构建界面（npx electron-vite build）`,
    );
  }

  const host = await openDatabaseHost(options.dbFile);
  const { dispatch } = host;
  const picks: Parameters<WebServer['chooseFile']>[0][] = [];
  const pick: FilePicker = (choice) => {
    const next = picks.shift();
    if (next === undefined)
      log(`浏览器版没有文件对话框：已取消选择${fileKinds[choice.kind].label}`);
    return Promise.resolve(typeof next === 'function' ? next(choice) : (next ?? null));
  };
  const api = windowDispatch(dispatch, new FileHandles(), pick);
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  try {
    await prepareDatabase(dispatch, options, log);
  } catch (error) {
    await host.close();
    throw error;
  }

  const webApi = webApiScript(windowMethodNames);
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (!url.pathname.startsWith('/rpc/')) {
      await handleStatic(req, res, url.pathname, rendererRoot, webApi, token);
    } else if (req.method !== 'POST') {
      send(res, 405, 'Method Not Allowed', TEXT_PLAIN, { Allow: 'POST' });
    } else if (!isLocalRequest(req, port) || !hasToken(req, tokenBytes)) {
      sendJson(res, 403, apiError('FORBIDDEN_SENDER'));
    } else {
      // The dispatcher answers UNKNOWN_METHOD for anything not in the contract.
      await handleRpc(req, res, url.pathname.slice('/rpc/'.length), api);
    }
  };
  let port = 0;
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, apiError('INTERNAL'));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5178, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}/`;

  let closed = false;
  return {
    url,
    dispatch,
    rpcToken: token,
    chooseFile: (answer) => void picks.push(answer),
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await host.close();
    },
  };
}

async function prepareDatabase(
  dispatch: Dispatch,
  options: WebServerOptions,
  log: (line: string) => void,
): Promise<void> {
  if (options.initialize === false) return;
  const status = await dispatch('app.status', undefined);
  if (!status.ok) throw new Error(status.message);
  if (!(status.data as { initialized: boolean }).initialized) {
    if (options.join) {
      const joined = await dispatch('zone.join', options.join);
      if (!joined.ok) throw new Error(`加入分区失败：${joined.message}`);
    }
    const init = await dispatch('app.init', {
      user: options.user ?? '演示用户',
      office: options.office ?? '本部',
      ...(options.zoneName ? { zoneName: options.zoneName } : {}),
    });
    if (!init.ok) throw new Error(`初始化失败：${init.message}`);
    log(`已初始化数据库 ${options.dbFile}`);
  }
  if (options.demoProjects && options.demoProjects > 0) {
    const page = await dispatch('ledger.query', { limit: 1 });
    if (!page.ok) throw new Error(page.message);
    if ((page.data as { totals: { count: number } }).totals.count === 0) {
      log(`正在生成 ${options.demoProjects} 个演示项目……`);
      const started = Date.now();
      const demo = await dispatch('app.demo', { projects: options.demoProjects, seed: 1 });
      if (!demo.ok) throw new Error(`演示数据生成失败：${demo.message}`);
      log(`演示数据已生成（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
    }
  }
}

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return 5178;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT 无效：${value}`);
  }
  return port;
}

async function main(): Promise<void> {
  const env = process.env;
  const demo = env.DEMO_PROJECTS ? Number(env.DEMO_PROJECTS) : undefined;
  if (demo !== undefined && !(Number.isInteger(demo) && demo > 0)) {
    throw new Error(`DEMO_PROJECTS 须为正整数：${env.DEMO_PROJECTS}`);
  }
  const dbFile = path.resolve(env.CRM_DB || 'zhaoshang.sqlite');
  const server = await startWebServer({
    port: portFromEnv(env.PORT),
    dbFile,
    user: env.CRM_USER || undefined,
    office: env.CRM_OFFICE || undefined,
    demoProjects: demo,
    log: (line) => console.log(line),
  });
  console.log(`数据库：${dbFile}`);
  console.log(`招商项目管理（浏览器版）已启动：${server.url}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry !== undefined && path.resolve(entry) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
