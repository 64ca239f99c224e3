// Builds the three bundles: main and preload (Node side) and the React renderer.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin, ViteDevServer } from 'vite';
import {
  devContentSecurityPolicy,
  injectCspMeta,
  metaContentSecurityPolicy,
} from './transport/csp';
import { bundleWorkers } from './build/bundle-worker';

/** The dev server's origins: the one electron-vite hands Electron, and the ones Vite printed. */
function devServerOrigins(server: ViteDevServer): string[] {
  const { https, host, port } = server.config.server;
  // electron-vite's own rule for ELECTRON_RENDERER_URL (resolveHostname in electron-vite).
  const hostname =
    typeof host === 'string' && host !== '0.0.0.0' && host !== '::' ? host : 'localhost';
  const urls = [`${https ? 'https' : 'http'}://${hostname}:${port}`];
  urls.push(...(server.resolvedUrls?.local ?? []));
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/**
 * Writes the Content-Security-Policy meta tag into index.html from transport/csp.ts, the one
 * definition the app:// handler also sends as a header. A build gets the strict policy; the dev
 * server (`electron-vite dev`) a looser one that lets Vite's client and React Fast Refresh run.
 * Runs last, so the tag lands before every script Vite or the React plugin injects.
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'zhaoshang:csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const policy =
          context.server === undefined
            ? metaContentSecurityPolicy()
            : devContentSecurityPolicy(devServerOrigins(context.server));
        return injectCspMeta(html, policy);
      },
    },
  };
}

/** Writes the worker threads beside the main bundle once it is built (build/bundle-worker.ts). */
function workersPlugin(): Plugin {
  return {
    name: 'zhaoshang:workers',
    closeBundle() {
      bundleWorkers(resolve('out/main'));
    },
  };
}

export default defineConfig({
  main: {
    plugins: [workersPlugin()],
    build: {
      // Bundle every library but the native one: smaller app.asar, and no start-up cost of Node
      // resolving date-fns' hundreds of locale modules.
      externalizeDeps: { exclude: ['kysely', 'zod', 'date-fns', 'uuid'] },
      outDir: 'out/main',
      lib: { entry: resolve('electron/main.ts'), formats: ['es'] },
      rollupOptions: { external: ['better-sqlite3'], output: { entryFileNames: 'index.js' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be a single CommonJS file.
      lib: { entry: resolve('electron/preload.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), cspMetaPlugin()],
    build: {
      // electron-vite leaves the renderer unminified; minified, the page parses in a third of the time.
      minify: true,
      outDir: resolve('out/renderer'),
      // React (React DOM, its scheduler and the JSX runtime) in a chunk of its own: the browser
      // parses each script on a worker thread as it streams in, so the app's chunk and React's
      // (about a quarter and three quarters of the start-up code) are parsed side by side, not one
      // after the other; the JSX runtime inside it is one start-up request less.
      // (electron-vite reads rolldownOptions, not rollupOptions, when both are given.)
      rolldownOptions: {
        input: resolve('renderer/index.html'),
        output: {
          codeSplitting: {
            groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
          },
        },
      },
    },
  },
});
