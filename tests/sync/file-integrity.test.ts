// A real exported file, damaged every way a USB stick or mail gateway can: every strict prefix and
// every single-byte flip is rejected with a typed Chinese error and the database's bytes stay the
// same; a wrong passphrase is told apart from a damaged file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { decodeFile } from '../../db/sync/file-format';
import { trustOf } from '../../db/sync/import';
import { forgeFile } from './forge';
import { AppError } from '../../domain/errors';
import { tempDir } from '../helpers';
import { call, databaseBytes, exportTo, fileBytes, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

let sh: Replica;
let hq: Replica;
let plain: Buffer;
let encrypted: Buffer;
const dir = tempDir();

beforeAll(async () => {
  sh = await openReplica('上海');
  hq = await openReplica('本部');
  for (let i = 0; i < 3; i++) call(sh, 'project.create', { name: `项目${i}`, country: 'DE' });
  plain = fileBytes((await exportTo(sh, dir, { for: '本部' })).file);
  encrypted = fileBytes((await exportTo(sh, dir, { for: '本部', passphrase: '正确的口令' })).file);
});
afterAll(() => {
  sh.app.close();
  hq.app.close();
});

async function codeOf(bytes: Buffer, passphrase?: string): Promise<string> {
  try {
    await decodeFile(bytes, { trust: trustOf(hq.app), passphrase, schemaVersion: SCHEMA_VERSION });
    return 'ACCEPTED';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('damaged files', () => {
  test('every strict prefix is rejected as truncated (decoder level, every length)', async () => {
    for (const file of [plain, encrypted]) {
      const codes = new Set<string>();
      for (let n = 0; n < file.length; n++)
        codes.add(await codeOf(file.subarray(0, n), '正确的口令'));
      expect([...codes]).toEqual(['FILE_TRUNCATED']);
    }
  });

  test('every single-byte flip is rejected (decoder level, every byte)', async () => {
    for (const file of [plain, encrypted]) {
      const codes = new Set<string>();
      for (let i = 0; i < file.length; i++) {
        const copy = Buffer.from(file);
        copy[i] = copy[i]! ^ 0xff;
        codes.add(await codeOf(copy, '正确的口令'));
      }
      expect(codes.has('ACCEPTED')).toBe(false);
      for (const code of codes)
        expect(['FILE_CORRUPT', 'NOT_SYNC_FILE', 'FILE_TRUNCATED']).toContain(code);
    }
  });

  test('through import on a real database: prefixes and flips leave every byte unchanged', async () => {
    const before = databaseBytes(hq.app);
    const step = Math.max(1, Math.floor(plain.length / 40));
    const cases: [Buffer, string][] = [];
    for (let n = 0; n < plain.length; n += step)
      cases.push([plain.subarray(0, n), 'FILE_TRUNCATED']);
    for (let i = 0; i < plain.length; i += step) {
      const copy = Buffer.from(plain);
      copy[i] = copy[i]! ^ 0x01;
      cases.push([copy, 'ANY']);
    }
    for (const [bytes, expected] of cases) {
      const file = join(dir, 'damaged.zsync');
      writeFileSync(file, bytes);
      const error = await importInto(hq, file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      if (expected !== 'ANY') expect(e.code).toBe(expected);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(databaseBytes(hq.app).equals(before)).toBe(true);
  });

  test('wrong passphrase says so, and differs from a damaged encrypted file', async () => {
    expect(await codeOf(encrypted, '正确的口令')).toBe('ACCEPTED');
    expect(await codeOf(encrypted, '错误的口令')).toBe('BAD_PASSPHRASE');
    expect(await codeOf(encrypted)).toBe('PASSPHRASE_REQUIRED');
    const damaged = Buffer.from(encrypted);
    damaged[Math.floor(damaged.length / 2)]! ^= 0x10;
    expect(await codeOf(damaged, '正确的口令')).toBe('FILE_CORRUPT');
    expect(await codeOf(damaged, '错误的口令')).toBe('FILE_CORRUPT');
    const file = join(dir, 'enc.zsync');
    writeFileSync(file, encrypted);
    await expect(importInto(hq, file, { passphrase: '错误的口令' })).rejects.toThrow('口令错误');
    const report = await importInto(hq, file, { passphrase: '正确的口令' });
    expect(report.new).toBeGreaterThan(0);
  });

  test('the payload of an encrypted file does not contain its plain text', () => {
    expect(encrypted.includes(Buffer.from('项目0'))).toBe(false);
  });

  test('a file from a newer format version or reader schema asks for an upgrade', async () => {
    const { bytes } = await forgeFile(sh.app, [], {
      manifest: { app: { version: '9.0.0' }, schemaVersion: 99, minReaderSchema: 99 },
    });
    expect(await codeOf(bytes)).toBe('NEEDS_UPGRADE');
  });
});
