// Sandboxed preload, bundled into one CommonJS file that may require only 'electron': exposes
// window.api with one function per contract method, each a single ipcRenderer.invoke on the channel
// of the same name. ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer } from 'electron';
import type { PreloadApi } from './preload-api';
import { parseApiMethodsArg } from './preload-api';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of parseApiMethodsArg(process.argv)) {
  api[method] = (input: unknown) => ipcRenderer.invoke(method, input);
}

contextBridge.exposeInMainWorld('api', api as PreloadApi);
