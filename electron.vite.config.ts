// Builds the three bundles: main and preload (Node side) and the React renderer.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
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
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
