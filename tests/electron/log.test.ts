// The main-process log: timestamped lines appended to a file whose folder it creates, rotated past
// its size cap, echoed to stderr, and never an exception, even where nothing can be written.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLog, MAX_LOG_BYTES } from '../../electron/log';

let dir: string;
const now = () => new Date('2026-03-01T08:00:00.000Z');

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-log-'));
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('createLog', () => {
  it('appends timestamped lines, with details, in a folder it creates', () => {
    const file = path.join(dir, 'logs', 'main.log');
    const log = createLog(file, now);
    log('界面加载失败', { errorCode: -106 });
    log('启动失败', new Error('磁盘已满'));
    log('已拦截网络请求', 'https://example.com/');
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toBe('2026-03-01T08:00:00.000Z 界面加载失败 {"errorCode":-106}');
    expect(lines[1]).toMatch(/^2026-03-01T08:00:00.000Z 启动失败 Error: 磁盘已满/);
    expect(lines).toContain('2026-03-01T08:00:00.000Z 已拦截网络请求 https://example.com/');
    expect(console.error).toHaveBeenCalledTimes(3);
  });

  it('moves a full file aside and starts a new one', () => {
    const file = path.join(dir, 'main.log');
    writeFileSync(file, 'x'.repeat(MAX_LOG_BYTES + 1));
    createLog(file, now)('新的一行');
    expect(readFileSync(file, 'utf8')).toBe('2026-03-01T08:00:00.000Z 新的一行\n');
    expect(readFileSync(`${file}.old`, 'utf8')).toHaveLength(MAX_LOG_BYTES + 1);
  });

  it('never throws, even where it cannot write', () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const log = createLog(path.join(blocker, 'main.log'), now);
    expect(() => log('写不进去', 1n)).not.toThrow();
    expect(() => createLog(null)('只写 stderr')).not.toThrow();
  });
});
