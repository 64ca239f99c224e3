// The preload exposes exactly one function per contract method, each a single ipcRenderer.invoke,
// and nothing of ipcRenderer itself; the built bundle may require only 'electron'.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../domain/contract';
import { apiMethodsArg, parseApiMethodsArg } from '../../electron/preload-api';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((channel: string, input: unknown) =>
    Promise.resolve({ ok: true, data: { channel, input } }),
  ),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value),
  },
  ipcRenderer: { invoke: fake.invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() },
}));

describe('parseApiMethodsArg', () => {
  it('round-trips the contract method names', () => {
    expect(parseApiMethodsArg(['electron', apiMethodsArg(methodNames)])).toEqual([...methodNames]);
  });

  it('drops anything not shaped like area.verb', () => {
    const arg =
      '--zhaoshang-api-methods=project.create,__proto__,constructor,a.b.c,x;y.z,,ledger.query';
    expect(parseApiMethodsArg([arg])).toEqual(['project.create', 'ledger.query']);
    expect(parseApiMethodsArg(['--other=1'])).toEqual([]);
  });

  it('refuses to build an argument from a bad name', () => {
    expect(() => apiMethodsArg(['project.create', 'bad name'])).toThrow();
  });
});

describe('preload', () => {
  const savedArgv = process.argv;

  beforeEach(() => {
    vi.resetModules();
    fake.exposed.clear();
    fake.invoke.mockClear();
    process.argv = [...savedArgv, apiMethodsArg(methodNames)];
  });

  afterEach(() => {
    process.argv = savedArgv;
  });

  it('exposes window.api with one function per contract method and nothing else', async () => {
    await import('../../electron/preload');
    expect([...fake.exposed.keys()]).toEqual(['api']);
    const api = fake.exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const method of methodNames) expect(typeof api[method], method).toBe('function');
    for (const leak of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer']) {
      expect(api, leak).not.toHaveProperty(leak);
    }
  });

  it('forwards each call as one invoke on the channel of the same name', async () => {
    await import('../../electron/preload');
    const api = fake.exposed.get('api') as Record<string, (input: unknown) => Promise<unknown>>;
    const method = methodNames[0];
    if (method === undefined) throw new Error('the contract has no methods');
    const input = { anything: 1 };
    await expect(api[method]?.(input)).resolves.toEqual({
      ok: true,
      data: { channel: method, input },
    });
    expect(fake.invoke).toHaveBeenCalledTimes(1);
    expect(fake.invoke).toHaveBeenCalledWith(method, input);
  });
});

describe('the built preload bundle', () => {
  const bundle = path.resolve('out/preload/index.cjs');

  it.skipIf(!existsSync(bundle))(
    'requires nothing but electron (sandboxed preloads cannot)',
    () => {
      const source = readFileSync(bundle, 'utf8');
      const required = [...source.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      expect(new Set(required)).toEqual(new Set(['electron']));
      expect(source).not.toMatch(/\bimport\s*\(/);
    },
  );
});
