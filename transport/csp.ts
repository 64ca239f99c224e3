// The Content-Security-Policy, defined once: both transports send it as a header (electron/protocol.ts
// and web/server.ts, through static-files.ts), and the renderer build writes it into index.html as a
// meta tag (electron.vite.config.ts), so no copy of it is ever kept by hand. No imports: the Vite
// config bundles this file too.

/**
 * style-src has no 'unsafe-inline': React's `style` prop writes through the CSSOM, which CSP does not
 * restrict, and Vite's production build puts all CSS in files. Only `<style>` elements and `style="…"`
 * attributes in HTML would need it, and the renderer uses neither. img-src allows data: for small
 * icons Vite inlines.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Browsers ignore these in a <meta> policy (and warn about them): they only work as a header.
const headerOnlyDirectives = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function directives(policy: string): [name: string, values: string[]][] {
  return policy
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [name = '', ...values] = part.split(/\s+/);
      return [name, values];
    });
}

function join(list: [name: string, values: string[]][]): string {
  return list.map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/** The policy for the meta tag: the header's, less what a meta policy cannot carry. */
export function metaContentSecurityPolicy(policy: string = contentSecurityPolicy): string {
  return join(directives(policy).filter(([name]) => !headerOnlyDirectives.has(name)));
}

/**
 * The meta policy while `electron-vite dev` serves the renderer: the production one, plus what Vite's
 * dev server needs. @vitejs/plugin-react injects an inline module script (the Fast Refresh preamble),
 * Vite injects CSS as <style> elements, and its client opens a WebSocket back to the dev server.
 * Never used in a build: the packaged app gets the strict policy only.
 */
export function devContentSecurityPolicy(devServerOrigins: readonly string[]): string {
  const connect = new Set<string>();
  for (const origin of devServerOrigins) {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`Not a dev server origin: ${origin}`);
    }
    connect.add(url.origin);
    connect.add(`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`);
  }
  const extra: Readonly<Record<string, readonly string[]>> = {
    'script-src': ["'unsafe-inline'"],
    'style-src': ["'unsafe-inline'"],
    'connect-src': [...connect],
  };
  const list = directives(metaContentSecurityPolicy()).map(([name, values]): [string, string[]] => [
    name,
    [...values, ...(extra[name] ?? [])],
  ]);
  return join(list);
}

const cspMetaPattern = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy/i;

/**
 * Writes the policy into an HTML page as `<meta http-equiv="Content-Security-Policy" content="…">`,
 * before every script: right after `<meta charset>` when that opens the head (it must stay within
 * the first 1024 bytes), otherwise first thing in the head. Refuses a page that already has a policy
 * of its own, so there is never a second definition.
 */
export function injectCspMeta(html: string, policy: string): string {
  if (cspMetaPattern.test(html)) {
    throw new Error(
      'index.html has its own Content-Security-Policy meta tag: remove it, the build writes it from transport/csp.ts',
    );
  }
  if (/["<>&]/.test(policy)) throw new Error(`Policy cannot go into an attribute: ${policy}`);
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head === null) throw new Error('index.html has no <head>');
  const afterHead = head.index + head[0].length;
  const charset = /^(\s*)<meta\s+charset\s*=[^>]*>/i.exec(html.slice(afterHead));
  const at = charset === null ? afterHead : afterHead + charset[0].length;
  const indent = /\n([ \t]*)\S/.exec(html.slice(afterHead))?.[1] ?? '    ';
  return `${html.slice(0, at)}\n${indent}${tag}${html.slice(at)}`;
}
