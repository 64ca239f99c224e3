// Hostile and forged sync files on real database files (issue 14, point 8). Every file here is
// correctly framed, encrypted and signed by a member of the zone (tests/sync/forge.ts), so that it
// reaches the import check it is aimed at; each is refused through the API with its typed code
// and Chinese message, and the receiving database keeps every byte. Then the hostile suite: own
// origins, huge seqs, vector poisoning, prototype names, other zones, replayed and reused file
// ids, unsigned and wrongly signed changes, forged rosters, revoked senders, wrong keys, forks.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import { dispatch } from '../../db/dispatcher';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import type { Fields } from '../../db/mutation';
import { readMeta } from '../../db/replica-identity';
import { syncedTableNames, syncedTables } from '../../db/synced-tables';
import { BLOCK, ChainHasher, ZERO_CHAIN } from '../../db/sync/chain';
import type { Change } from '../../db/sync/change-codec';
import { encodeChange } from '../../db/sync/change-codec';
import {
  MAX_FILE_BYTES,
  MAX_LINE_BYTES,
  MAX_RAW_BYTES,
  MAX_SEQ,
  decodeFile,
} from '../../db/sync/file-format';
import type { ManifestDraft, Segment } from '../../db/sync/file-format';
import { formatHlc } from '../../db/sync/hlc';
import { trustOf } from '../../db/sync/import';
import { headBody, readRoster, zoneOf } from '../../db/sync/zone';
import { newKeyPair, randomId, signStatement } from '../../db/sync/zone-crypto';
import type { ErrorCode } from '../../domain/errors';
import { errorMessages } from '../../domain/errors';
import type { SyncImportReport, SyncPeer, SyncSite } from '../../domain/sync';
import { expectOk, tempDir } from '../helpers';
import { forgeFile, segmentsFor } from './forge';
import type { ForgeOptions } from './forge';
import { call, databaseBytes, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const dir = tempDir('zs-hostile-');
const open: Replica[] = [];
afterAll(() => {
  for (const r of open.splice(0)) r.app.close();
});

async function replica(office: string, options: { solo?: boolean } = {}): Promise<Replica> {
  const r = await openReplica(office, options);
  open.push(r);
  return r;
}

/** Change times: a little before the replicas' clocks, so no drift warning interferes. */
const BASE_MS = Date.UTC(2021, 5, 12, 7, 0);

function change(
  origin: string,
  seq: number,
  tbl: string,
  rowId: string,
  fields: Fields,
  prev: Record<string, string> = {},
): Change {
  const hlc = formatHlc({ ms: BASE_MS + (seq % 1000), counter: seq % 0x10000 }, origin);
  return { origin, seq, hlc, tbl, rowId, fields, prev, author: '伪造者' };
}

/** `n` new projects of `origin`, seqs from `from` on. */
function projects(origin: string, from: number, n: number, name = '伪造项目'): Change[] {
  return Array.from({ length: n }, (_, i) =>
    change(origin, from + i, 'project', `forged-${origin}-${from + i}`, {
      deleted: 0,
      name: `${name}${from + i}`,
    }),
  );
}

/** The changes of a replica's own origin, as its full export carries them. */
async function logOf(r: Replica): Promise<Change[]> {
  const out = await exportTo(r, dir, { full: true });
  const decoded = await decodeFile(readFileSync(out.file), {
    trust: trustOf(r.app),
    schemaVersion: SCHEMA_VERSION,
  });
  return decoded.changes.filter((c) => c.origin === r.app.siteId);
}

let fileNo = 0;
function write(bytes: Buffer): string {
  const file = join(dir, `hostile-${++fileNo}.zsync`);
  writeFileSync(file, bytes);
  return file;
}

async function forge(sender: Replica, changes: Change[], options: ForgeOptions = {}) {
  return write((await forgeFile(sender.app, changes, options)).bytes);
}

/**
 * Imports through the API (with the backup the app takes) and expects the refusal: its code, its
 * Chinese message with the detail, and the receiving database unchanged, dump and bytes.
 */
async function expectRefused(
  r: Replica,
  file: string,
  code: ErrorCode,
  detail?: RegExp,
  input: { passphrase?: string } = {},
): Promise<string> {
  const bytes = databaseBytes(r.app);
  const before = dump(r);
  const result = await dispatch(r.app, 'sync.import', { file, ...input });
  expect(result).toMatchObject({ ok: false, code });
  const message = result.ok ? '' : result.message;
  expect(message.startsWith(errorMessages[code])).toBe(true);
  if (detail) expect(message).toMatch(detail);
  expect(dump(r)).toEqual(before);
  expect(databaseBytes(r.app).equals(bytes)).toBe(true);
  return message;
}

async function imported(r: Replica, file: string): Promise<SyncImportReport> {
  return expectOk(await dispatch(r.app, 'sync.import', { file })) as SyncImportReport;
}

const siteKey = (r: Replica) => zoneOf(r.app.sqlite).siteKey;

/** A line with its fields in reverse order: the same change, not its canonical spelling. */
function reverseFields(line: string): string {
  const parts = JSON.parse(line) as unknown[];
  parts[6] = Object.fromEntries(Object.entries(parts[6] as object).reverse());
  return JSON.stringify(parts);
}

describe('files forged to reach every import check', () => {
  let hq: Replica;
  let sh: Replica;
  /** 上海's own log, as a real export carries it. */
  let real: Change[];
  let shSite: string;

  beforeAll(async () => {
    hq = await replica('本部');
    sh = await replica('上海');
    for (let i = 0; i < 3; i++) call(sh, 'project.create', { name: `上海项目${i}`, country: 'DE' });
    real = await logOf(sh);
    shSite = sh.app.siteId;
    // The forged files below are refused for what they are aimed at, not for being forged: the
    // same file without the damage imports (into a copy of the receiver's state).
    const probe = await replica('本部');
    expect((await imported(probe, await forge(sh, real))).new).toBe(real.length);
  });

  test('size: a file over MAX_FILE_BYTES is refused before it is read', async () => {
    const file = await forge(sh, real);
    truncateSync(file, MAX_FILE_BYTES + 1);
    await expectRefused(hq, file, 'FILE_TOO_LARGE');
    rmSync(file);
  });

  test('inflate cap: a payload inflating beyond its declared rawBytes, or short of it', async () => {
    const lie = (delta: number) =>
      forge(sh, real, { payload: (p) => ({ ...p, rawBytes: p.rawBytes + delta }) });
    await expectRefused(hq, await lie(-1), 'FILE_CORRUPT', /解压后长度与清单不符/);
    await expectRefused(hq, await lie(+1), 'FILE_CORRUPT', /解压后长度与清单不符/);
    // A gzip bomb: 256 MiB of newlines in a quarter of a megabyte, declared as 100 bytes. The
    // inflation stops at the first piece beyond the declared size.
    const bomb = gzipSync(Buffer.alloc(256 << 20, 0x0a), { level: 9 });
    expect(bomb.length).toBeLessThan(1 << 20);
    const started = performance.now();
    await expectRefused(
      hq,
      await forge(sh, real, { payload: (p) => ({ ...p, gzipped: bomb, rawBytes: 100 }) }),
      'FILE_CORRUPT',
      /解压后长度与清单不符/,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('inflate cap: a rawBytes above MAX_RAW_BYTES fails the manifest schema', async () => {
    const file = await forge(sh, real, {
      payload: (p) => ({ ...p, rawBytes: MAX_RAW_BYTES + 1 }),
    });
    await expectRefused(hq, file, 'FILE_CORRUPT', /清单格式错误/);
  });

  test('change count: more or fewer lines than the manifest says', async () => {
    for (const delta of [-1, 1]) {
      const file = await forge(sh, real, {
        payload: (p) => ({ ...p, changes: p.changes + delta }),
      });
      await expectRefused(
        hq,
        file,
        'FILE_CORRUPT',
        new RegExp(`变更条数 ${real.length} 与清单 ${real.length + delta} 不符`),
      );
    }
  });

  test('manifest schema: every malformed part is FILE_CORRUPT 清单格式错误', async () => {
    const bad: Record<string, unknown>[] = [
      { extra: 1 },
      { fileId: '' },
      { fileId: 'x'.repeat(101) },
      { sender: { siteId: 'ZZZZ', office: '上海' } },
      { sender: { siteId: shSite, office: '上海', role: 'hq' } },
      { zone: { id: 'not-a-zone', name: '测试分区', kind: 'real' } },
      { schemaVersion: 0 },
      { minReaderSchema: 1.5 },
      { createdAt: 'x'.repeat(41) },
      { sites: { [shSite]: 'x'.repeat(101) } },
      { sites: { 'not-a-site': '上海' } },
      { forSite: 'nope' },
      { full: 'yes' },
      { roster: { grants: [], sites: [] } },
      { roster: { grants: [{ zone: 'x' }], sites: [], revocations: [] } },
    ];
    for (const manifest of bad) {
      const file = await forge(sh, real, { manifest: manifest as Partial<ManifestDraft> });
      await expectRefused(hq, file, 'FILE_CORRUPT', /清单格式错误/);
    }
    // A segment with a key of its own, or a range beyond MAX_SEQ.
    for (const segment of [{ extra: 1 }, { to: MAX_SEQ + 1 }, { from: 0 }, { prefix: 'ab' }]) {
      const file = await forge(sh, real, {
        segments: (s) => s.map((x) => ({ ...x, ...segment })),
      });
      await expectRefused(hq, file, 'FILE_CORRUPT', /清单格式错误/);
    }
  });

  test('vector: a malformed sender vector fails the manifest schema', async () => {
    const top = real.length;
    for (const vector of [
      { [shSite]: -1 },
      { [shSite]: 1.5 },
      { [shSite]: MAX_SEQ + 1 },
      { [shSite]: top, ZZZZ: 1 },
      { [shSite]: top, [randomId(8)]: '3' },
    ]) {
      const file = await forge(sh, real, {
        manifest: { vector: vector as ManifestDraft['vector'] },
      });
      await expectRefused(hq, file, 'FILE_CORRUPT', /清单格式错误/);
    }
  });

  test('line length: one line over MAX_LINE_BYTES, and a payload without any line end', async () => {
    const long = change(shSite, 1, 'project', 'long', {
      deleted: 0,
      name: '长',
      problems: 'x'.repeat(MAX_LINE_BYTES),
    });
    await expectRefused(hq, await forge(sh, [long]), 'FILE_CORRUPT', /第 1 条变更过长/);
    const endless = gzipSync(Buffer.alloc(8 << 20, 0x78));
    const file = await forge(sh, real, {
      payload: () => ({ gzipped: endless, rawBytes: 8 << 20, changes: real.length }),
    });
    await expectRefused(hq, file, 'FILE_CORRUPT', /第 1 条变更过长/);
  });

  test('order: a repeated line, and origins out of order', async () => {
    await expectRefused(
      hq,
      await forge(sh, [real[0]!, ...real]),
      'FILE_CORRUPT',
      /第 2 条变更顺序错误/,
    );
    // 上海's changes after those of an origin that sorts after it.
    const other = 'f'.repeat(16);
    expect(other > shSite).toBe(true);
    const reversed = [...projects(other, 1, 2), ...real];
    await expectRefused(hq, await forge(sh, reversed), 'FILE_CORRUPT', /第 3 条变更顺序错误/);
  });

  test('origin: malformed, or a clock of another site', async () => {
    const foreign = real.map((c, i) =>
      i === 1 ? { ...c, hlc: formatHlc({ ms: BASE_MS, counter: 0 }, randomId(8)) } : c,
    );
    await expectRefused(hq, await forge(sh, foreign), 'FILE_CORRUPT', /时钟与来源站点不符/);
    const malformed = projects('ABCDEF0123456789', 1, 1).map((c) => ({
      ...c,
      hlc: c.hlc.slice(0, 16) + 'ABCDEF0123456789',
    }));
    const file = await forge(sh, malformed, { segments: () => [], manifest: { vector: {} } });
    await expectRefused(hq, file, 'FILE_CORRUPT', /来源站点编号格式错误/);
  });

  test('seq: above MAX_SEQ, 2^53-1, zero, and above the sender’s signed vector', async () => {
    for (const seq of [MAX_SEQ + 1, Number.MAX_SAFE_INTEGER]) {
      const file = await forge(sh, projects(shSite, seq, 1), {
        segments: () => [],
        manifest: { vector: {} },
      });
      await expectRefused(hq, file, 'SEQ_OUT_OF_RANGE', new RegExp(`第 1 条变更的序号 ${seq}`));
    }
    const zero = await forge(sh, projects(shSite, 0, 1), {
      segments: () => [],
      manifest: { vector: {} },
    });
    await expectRefused(hq, zero, 'FILE_CORRUPT', /序号格式错误/);
    const file = await forge(sh, real, { manifest: { vector: { [shSite]: real.length - 1 } } });
    await expectRefused(
      hq,
      file,
      'SEQ_OUT_OF_RANGE',
      new RegExp(`序号 ${real.length} 超出发送方声明的 ${real.length - 1}`),
    );
  });

  test('values: a value of the wrong type for a column of every synced table', async () => {
    for (const table of syncedTableNames) {
      const columns = syncedTables[table].columns as Record<string, string>;
      const text = Object.keys(columns).find((c) => columns[c] === 'text')!;
      const cases: [string, Fields][] = [
        ['deleted', { deleted: '0' }],
        ['deleted', { deleted: 0.5 }],
        [text, { [text]: 42 }],
      ];
      for (const [col, fields] of cases) {
        const bad = change(shSite, real.length + 1, table, `bad-${table}`, fields);
        const file = await forge(sh, [...real, bad]);
        await expectRefused(
          hq,
          file,
          'FILE_CORRUPT',
          new RegExp(`第 ${real.length + 1} 条变更：${table}\\.${col} 的值类型错误`),
        );
      }
    }
  });

  test('values: a line that is not the canonical spelling of its change', async () => {
    const respell: [string, (line: string) => string][] = [
      ['spaces', (l) => l.replaceAll(',', ', ')],
      ['escaped', (l) => l.replace('上海项目0', '\\u4e0a海项目0')],
      ['key order', reverseFields],
      ['number', (l) => l.replace(/^(\["[0-9a-f]{16}",)(\d+),/, '$1$2.0,')],
    ];
    const target = real.findIndex((c) => c.tbl === 'project' && c.fields.name === '上海项目0');
    expect(target).toBeGreaterThanOrEqual(0);
    for (const [what, spell] of respell) {
      const line = (c: Change, canonical: string) =>
        c === real[target] ? spell(canonical) : canonical;
      const respelled = spell(encodeChange(real[target]!));
      expect(respelled, what).not.toBe(encodeChange(real[target]!));
      await expectRefused(
        hq,
        await forge(sh, real, { line }),
        'FILE_CORRUPT',
        new RegExp(`第 ${target + 1} 条变更：`),
      );
    }
  });

  test('values: a line whose bytes are not UTF-8, signed as they are', async () => {
    // Decoded, the bytes become U+FFFD and the text is canonical; but the chain hashes the bytes,
    // so once stored, the line re-created for a relay would no longer match 上海's head.
    const target = real.findIndex((c) => c.tbl === 'project' && c.fields.name === '上海项目0');
    const lines = real.map((c) => Buffer.from(encodeChange(c) + '\n', 'utf8'));
    const line = lines[target]!;
    const at = line.indexOf(Buffer.from('项', 'utf8'));
    expect(at).toBeGreaterThan(0);
    // The first three bytes of a four-byte sequence: decoded, one U+FFFD of the same length.
    Buffer.from([0xf0, 0x9f, 0x98]).copy(line, at);
    expect(Buffer.byteLength(line.toString('utf8'))).toBe(line.length);
    const hasher = new ChainHasher(ZERO_CHAIN, 0);
    for (const l of lines) hasher.add(l);
    const state = hasher.state();
    const zone = zoneOf(sh.app.sqlite);
    const segment: Segment = {
      origin: shSite,
      from: 1,
      to: real.length,
      prefix: ZERO_CHAIN.toString('hex'),
      state: state.toString('hex'),
      sig: signStatement('head', headBody(zone.id, shSite, real.length, state), zone.siteKey),
    };
    const text = Buffer.concat(lines);
    const file = await forge(sh, real, {
      segments: () => [segment],
      payload: (p) => ({ ...p, gzipped: gzipSync(text), rawBytes: text.length }),
    });
    await expectRefused(
      hq,
      file,
      'FILE_CORRUPT',
      new RegExp(`第 ${target + 1} 条变更不是有效的 UTF-8 文本`),
    );
  });

  test('segments: not at a block boundary, not contiguous, incomplete, empty or repeated', async () => {
    const extra = projects(shSite, real.length + 1, 2 * BLOCK);
    const all = [...real, ...extra];
    // From seq 2: not where a block starts.
    await expectRefused(hq, await forge(sh, all.slice(1)), 'FILE_CORRUPT', /签名段范围错误/);
    // Seqs 1, 2, 4, …: the segment's changes have a gap.
    const gap = all.filter((c) => c.seq !== 3);
    await expectRefused(hq, await forge(sh, gap), 'FILE_CORRUPT', /上海 的变更不连续/);
    // The segment (and the sender's vector) claims more than the file holds.
    const longer = await forge(sh, all.slice(0, BLOCK), {
      segments: (s) => s.map((x) => ({ ...x, to: x.to + 1 })),
      manifest: { vector: { [shSite]: BLOCK + 1 } },
    });
    await expectRefused(hq, longer, 'FILE_CORRUPT', /变更不完整/);
    const unused = await forge(sh, all, {
      segments: (s) => [
        ...s,
        { ...s[0]!, origin: 'f'.repeat(16) === shSite ? 'e'.repeat(16) : 'f'.repeat(16) },
      ],
      manifest: { vector: { [shSite]: all.length, ['f'.repeat(16)]: all.length } },
    });
    await expectRefused(hq, unused, 'FILE_CORRUPT', /签名段没有对应的变更/);
    const twice = await forge(sh, all, { segments: (s) => [...s, s[0]!] });
    await expectRefused(hq, twice, 'FILE_CORRUPT', /签名段重复/);
  });
});

describe('hostile files', () => {
  test('a change claiming the receiver’s own origin is refused; its saves and exports go on', async () => {
    const me = await replica('上海');
    const bj = await replica('北京');
    const hq = await replica('本部');
    call(me, 'project.create', { name: '本机项目' });
    const mine = await logOf(me);
    const site = me.app.siteId;
    const top = mine.at(-1)!.seq;
    // Signed with the receiver's own key, as a stolen key or a copied database could.
    const stolen = siteKey(me);
    const headKey = (origin: string) => (origin === site ? stolen : undefined);
    const next = [...mine, ...projects(site, top + 1, 1)];
    await expectRefused(
      me,
      await forge(bj, next, { headKey }),
      'ORIGIN_OWN',
      new RegExp(`序号 ${top + 1}`),
    );
    // The highest seq a file may carry, in a block of its own.
    await expectRefused(
      me,
      await forge(bj, projects(site, MAX_SEQ - BLOCK + 1, BLOCK), { headKey }),
      'ORIGIN_OWN',
    );
    // 2^53 - 1, as the issue found it: no file may carry it, signed or not.
    const huge = projects(site, Number.MAX_SAFE_INTEGER, 1);
    await expectRefused(
      me,
      await forge(bj, huge, { segments: () => [], manifest: { vector: {} } }),
      'SEQ_OUT_OF_RANGE',
    );
    await expectRefused(me, await forge(bj, huge, { headKey }), 'FILE_CORRUPT', /清单格式错误/);
    // Signed by the sender, who cannot speak for this origin.
    await expectRefused(me, await forge(bj, next), 'FILE_UNAUTHENTICATED', /的变更签名无效/);
    // Its own changes relayed back unchanged are no claim: nothing new.
    expect((await imported(me, await forge(bj, mine, { headKey }))).new).toBe(0);

    for (let i = 0; i < 2; i++) call(me, 'project.create', { name: `之后的项目${i}` });
    const own = me.app.sqlite
      .prepare('SELECT count(*) AS n, max(seq) AS top FROM sync_change WHERE origin = ?')
      .get(site) as { n: number; top: number };
    expect(own.n).toBe(own.top);
    expect(call<SyncSite>(me, 'sync.site').vector[site]).toBe(own.top);
    const out = await exportTo(me, dir, { for: '本部' });
    await importInto(hq, out.file);
    await importInto(hq, (await exportTo(me, dir, { for: '本部' })).file);
    const names = dump(hq).project!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['本机项目', '之后的项目0', '之后的项目1']));
    expect(names.some((n) => String(n).startsWith('伪造项目'))).toBe(false);
  });

  test('changes of a previous site id that the receiver lacks are taken, checked by their chain', async () => {
    const first = await openReplica('上海', { dir: tempDir('zs-hostile-prev-') });
    call(first, 'project.create', { name: '换号前的项目' });
    const oldSite = first.app.siteId;
    const oldKey = siteKey(first);
    const oldLog = await logOf(first);
    const file = first.app.file;
    first.app.close();
    // The database without its identity file (a copied folder): a new site id at open.
    rmSync(`${file}.install-id`);
    const me: Replica = {
      ...first,
      app: await openAppDatabase(file, { wallMs: () => first.clock.ms }),
    };
    open.push(me);
    expect(me.app.siteId).not.toBe(oldSite);
    expect(readMeta(me.app.sqlite, 'previous_site_ids')).toContain(oldSite);
    const bj = await replica('北京');
    const headKey = (origin: string) => (origin === oldSite ? oldKey : undefined);
    const top = oldLog.at(-1)!.seq;
    expect((await imported(me, await forge(bj, oldLog, { headKey }))).new).toBe(0);
    // The laptop whose folder was copied went on under the old id: its later changes, signed with
    // its key, arrive by 北京 and are taken (the copy never writes under that id again).
    const later = projects(oldSite, top + 1, 2);
    expect((await imported(me, await forge(bj, [...oldLog, ...later], { headKey }))).new).toBe(2);
    // Without the old site's key, the same changes are a forgery.
    await expectRefused(
      me,
      await forge(bj, [...oldLog, ...projects(oldSite, top + 3, 1)]),
      'FILE_CORRUPT',
    );
    call(me, 'project.create', { name: '换号后的项目' });
    const hq = await replica('本部');
    await importInto(hq, (await exportTo(me, dir, { for: '本部' })).file);
    expect(dump(hq).project!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['换号前的项目', '换号后的项目']),
    );
  });

  test("a file that claims to replace another office's laptop does not hide it", async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const bj = await replica('北京');
    call(sh, 'project.create', { name: '上海的项目' });
    await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    const before = call<SyncPeer[]>(hq, 'sync.peers');
    expect(before.map((p) => p.siteId)).toContain(sh.app.siteId);
    // 北京 names 上海's site id as one it replaced: the 上海 peer stays, 北京 is added.
    const file = await forge(bj, [], { manifest: { replaces: [sh.app.siteId] } });
    await imported(hq, file);
    const after = call<SyncPeer[]>(hq, 'sync.peers').map((p) => p.siteId);
    expect(after).toEqual(expect.arrayContaining([sh.app.siteId, bj.app.siteId]));
  });

  test('huge seqs in another office’s name are refused; that office’s real files still import', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const bj = await replica('北京');
    call(sh, 'project.create', { name: '上海的真项目' });
    const shSite = sh.app.siteId;
    // 北京 writes seqs at the very top of 上海's range, to take them: it cannot sign for 上海.
    const taken = projects(shSite, MAX_SEQ - BLOCK + 1, BLOCK);
    await expectRefused(hq, await forge(bj, taken), 'FILE_UNAUTHENTICATED', /的变更签名无效/);
    await expectRefused(
      hq,
      await forge(bj, projects(shSite, Number.MAX_SAFE_INTEGER, 1), {
        segments: () => [],
        manifest: { vector: {} },
      }),
      'SEQ_OUT_OF_RANGE',
    );
    // Nor by claiming a vector above them without carrying them.
    await expectRefused(
      hq,
      await forge(bj, taken, { segments: () => [], manifest: { vector: { [shSite]: MAX_SEQ } } }),
      'FILE_UNAUTHENTICATED',
      /的变更没有签名/,
    );
    const report = await imported(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    expect(report.new).toBeGreaterThan(0);
    expect(dump(hq).project!.map((p) => p.name)).toContain('上海的真项目');
  });

  test('vector poisoning: a stated vector is clamped to what the receiver holds; resetPeer', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const bj = await replica('北京');
    call(hq, 'project.create', { name: '本部一' });
    // A block of later changes: exports start at the block of the first change a peer lacks.
    for (let i = 0; i < BLOCK; i++) call(hq, 'project.create', { name: `本部填充${i}` });
    call(bj, 'project.create', { name: '北京一' });
    await importInto(hq, (await exportTo(bj, dir, { for: '本部' })).file);
    const held = call<SyncSite>(hq, 'sync.site').vector;
    // Files that claim to come from 上海 or from 本部 itself, signed by 北京: refused.
    const claims: [string, RegExp][] = [
      [sh.app.siteId, /发送方不是本分区的成员/],
      [hq.app.siteId, /发送方签名无效/],
    ];
    for (const [claimed, detail] of claims) {
      await expectRefused(
        hq,
        await forge(bj, [], {
          manifest: {
            sender: { siteId: claimed, office: '上海' },
            vector: { [hq.app.siteId]: MAX_SEQ, [sh.app.siteId]: MAX_SEQ },
          },
        }),
        'FILE_UNAUTHENTICATED',
        detail,
      );
    }
    // 上海's own file (signed by 上海, careless or hostile) claims everything of everyone.
    const poisoned = {
      [hq.app.siteId]: MAX_SEQ,
      [bj.app.siteId]: MAX_SEQ,
      [sh.app.siteId]: MAX_SEQ,
      [randomId(8)]: MAX_SEQ,
    };
    const shLog = await logOf(sh);
    await imported(hq, await forge(sh, shLog, { manifest: { vector: poisoned } }));
    const peer = call<SyncPeer[]>(hq, 'sync.peers').find((p) => p.siteId === sh.app.siteId)!;
    const now = call<SyncSite>(hq, 'sync.site').vector;
    for (const [origin, seq] of Object.entries(peer.acknowledged)) {
      expect(seq).toBeLessThanOrEqual(now[origin] ?? 0);
    }
    expect(Object.keys(peer.acknowledged).sort()).toEqual(
      Object.keys(held).concat(sh.app.siteId).sort(),
    );

    // Later changes, 本部's own and relayed 北京 ones, still go to 上海 (exports for its laptop: one
    // for the office would also cover 上海 laptops the zone invited and 本部 has not heard from).
    call(hq, 'project.create', { name: '本部二' });
    call(bj, 'project.create', { name: '北京二' });
    await importInto(hq, (await exportTo(bj, dir, { for: '本部' })).file);
    await importInto(sh, (await exportTo(hq, dir, { for: sh.app.siteId })).file);
    expect(dump(sh).project!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['本部二', '北京二']),
    );
    // 上海's real files do not move the acknowledgement back, so what 本部 held at the claim (its
    // zone data) stays hidden from 上海; resetting the peer makes the next export carry it.
    await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    await importInto(sh, (await exportTo(hq, dir, { for: sh.app.siteId })).file);
    expect(dump(sh).project!.map((p) => p.name)).not.toContain('本部一');
    expectOk(await dispatch(hq.app, 'sync.resetPeer', { siteId: sh.app.siteId }));
    await importInto(sh, (await exportTo(hq, dir, { for: sh.app.siteId })).file);
    expect(dump(sh)).toEqual(dump(hq));
  });

  test('prototype names as tables, columns, row ids and settings: refused or kept inert', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const hqA = await replica('本部');
    const me = await replica('上海');
    const hqLog = await logOf(hqA);
    const site = hqA.app.siteId;
    const top = hqLog.at(-1)!.seq;
    let seq = top;
    const at = (tbl: string, rowId: string, fields: Fields) =>
      change(site, ++seq, tbl, rowId, fields);
    // Names the line format refuses: not lower-case identifiers, `__proto__` among them.
    const refusedNames: [Change, RegExp][] = [
      [change(site, top + 1, '__proto__', 'p', { deleted: 0 }), /表名格式错误/],
      [change(site, top + 1, 'toString', 'p', { deleted: 0 }), /表名格式错误/],
      [
        change(site, top + 1, 'project', 'p', JSON.parse('{"__proto__":"x","name":"y"}') as Fields),
        /字段名 __proto__ 格式错误/,
      ],
      [
        change(site, top + 1, 'project', 'p', { name: 'y', toString: 'x' }),
        /字段名 toString 格式错误/,
      ],
      [
        change(
          site,
          top + 1,
          'setting',
          'p',
          JSON.parse('{"__proto__":"1","value":"1"}') as Fields,
        ),
        /字段名 __proto__ 格式错误/,
      ],
    ];
    for (const [bad, detail] of refusedNames) {
      await expectRefused(me, await forge(hqA, [...hqLog, bad]), 'FILE_CORRUPT', detail);
    }
    // Names it accepts: a table and a column this version does not know are quarantined (kept
    // and relayed), prototype-named row ids and settings are ordinary rows.
    const accepted = [
      at('constructor', 'c1', { deleted: 0, name: '构造' }),
      at('project', 'proto-col', { constructor: '构造', deleted: 0, name: '带 constructor 列' }),
      at('project', '__proto__', { deleted: 0, name: '原型项目' }),
      at('project', 'constructor', { deleted: 0, name: '构造项目' }),
      at('setting', '__proto__', { deleted: 0, value: '{"polluted":true}' }),
      at('setting', 'constructor', { deleted: 0, value: '1' }),
      // Values as local input writes them (check-values.ts): a setting holds JSON.
      at('setting', 'toString', { deleted: 0, value: '"x"' }),
      at('dictionary_item', '__proto__', {
        deleted: 0,
        kind: 'industry',
        label: 'constructor',
        sort: 1,
      }),
    ];
    // `__proto__` as an origin in the manifest's maps: the schema drops the key (zod never
    // copies it), so it reaches no object's prototype.
    const proto = JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, never>;
    const report = await imported(
      me,
      await forge(hqA, [...hqLog, ...accepted], {
        manifest: { sites: proto, vector: { ...proto, [site]: seq } },
      }),
    );
    expect(report).toMatchObject({ quarantined: 2 });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const names = dump(me).project!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['原型项目', '构造项目', '带 constructor 列']));

    // Every reader still answers, and the next files (which release the quarantine again) import.
    for (const [method, input] of [
      ['settings.get', undefined],
      ['dictionary.list', undefined],
      ['dashboard.get', { year: 2021 }],
      ['ledger.query', {}],
      ['investor.list', {}],
      ['target.list', { year: 2021 }],
      ['search.quick', { q: '原型' }],
      ['sync.dump', undefined],
      ['sync.peers', undefined],
      ['sync.conflicts', {}],
      ['zone.status', undefined],
    ] as const) {
      const result = await dispatch(me.app, method, input);
      expect(result, method).toMatchObject({ ok: true });
    }
    call(me, 'project.create', { name: '之后的本地项目' });
    const bj = await replica('北京');
    call(bj, 'project.create', { name: '北京之后' });
    const next = await imported(me, (await exportTo(bj, dir, { for: '上海' })).file);
    expect(next.new).toBeGreaterThan(0);
    // The quarantined changes travel on, to a replica that keeps them quarantined too.
    const hqB = await replica('本部');
    const relayed = await imported(hqB, (await exportTo(me, dir, { full: true })).file);
    expect(relayed.quarantined).toBe(2);
    await imported(me, (await exportTo(hqB, dir, { full: true })).file);
    expect(dump(hqB)).toEqual(dump(me));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  test('another zone, a demo database, or another zone’s file relabelled: refused', async () => {
    const hq = await replica('本部');
    const ours = zoneOf(hq.app.sqlite);
    const solo = await replica('上海', { solo: true });
    call(solo, 'project.create', { name: '单机项目' });
    const theirs = zoneOf(solo.app.sqlite);
    expect(theirs.kind).toBe('solo');
    const soloFile = (await exportTo(solo, dir, { full: true })).file;
    const both = (zone: { id: string; name: string }) =>
      new RegExp(`${zone.name}.*${zone.id.slice(0, 8)}.*${ours.name}.*${ours.id.slice(0, 8)}`);
    await expectRefused(hq, soloFile, 'ZONE_MISMATCH', both(theirs));
    // Another real zone, created by another 本部 laptop.
    const otherHq = await replica('本部', { solo: true });
    call(otherHq, 'zone.create', { name: '别的分区' });
    const other = zoneOf(otherHq.app.sqlite);
    expect(other.kind).toBe('real');
    expect(other.id).not.toBe(ours.id);
    const otherFile = (await exportTo(otherHq, dir, { full: true })).file;
    await expectRefused(hq, otherFile, 'ZONE_MISMATCH', both(other));
    // Demo data lives in a demo zone of its own, which no real zone accepts.
    const demo = await replica('上海', { solo: true });
    expectOk(await dispatch(demo.app, 'app.demo', { projects: 3, seed: 7 }));
    expect(zoneOf(demo.app.sqlite).kind).toBe('demo');
    const demoFile = (await exportTo(demo, dir, { full: true })).file;
    await expectRefused(hq, demoFile, 'ZONE_MISMATCH', /文件属于演示分区/);
    // Nor can a real replica load demo data.
    expect(await dispatch(hq.app, 'app.demo', { projects: 3, seed: 7 })).toMatchObject({
      ok: false,
      code: 'DEMO_IN_REAL_ZONE',
    });
    // Another zone's file that names this zone: its roster is not this zone's.
    const relabelled = await forge(otherHq, await logOf(otherHq), {
      manifest: { zone: { id: ours.id, name: ours.name, kind: ours.kind } },
    });
    await expectRefused(hq, relabelled, 'FILE_UNAUTHENTICATED', /成员名单中有无效签名/);
  });

  test('a replayed file changes nothing; a reused file id with other content is refused', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    call(sh, 'project.create', { name: '第一次' });
    const out = await exportTo(sh, dir, { for: '本部' });
    expect((await imported(hq, out.file)).new).toBe(out.changes);
    const bytes = databaseBytes(hq.app);
    const again = await imported(hq, out.file);
    expect(again).toMatchObject({ alreadyImported: true, new: 0 });
    expect(databaseBytes(hq.app).equals(bytes)).toBe(true);
    // The same id, other changes (signed by the same sender): refused, not taken for the first.
    const log = await logOf(sh);
    const extra = projects(sh.app.siteId, log.at(-1)!.seq + 1, 1, '冒用编号');
    const reused = await forge(sh, [...log, ...extra], { manifest: { fileId: out.fileId } });
    await expectRefused(hq, reused, 'FILE_ID_REUSED');
    expect(databaseBytes(hq.app).equals(bytes)).toBe(true);
    // Another member cannot use the id to have the file recognised either: its signature is checked first.
    const bj = await replica('北京');
    const posing = await forge(bj, [], {
      manifest: { fileId: out.fileId, sender: { siteId: sh.app.siteId, office: '上海' } },
    });
    await expectRefused(hq, posing, 'FILE_UNAUTHENTICATED', /发送方签名无效/);
  });

  test('unsigned, wrongly signed and altered changes are FILE_UNAUTHENTICATED', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const bj = await replica('北京');
    const hqB = await replica('本部');
    for (let i = 0; i < 3; i++) call(sh, 'project.create', { name: `上海${i}` });
    call(bj, 'project.create', { name: '北京项目' });
    // 上海 has 北京's changes (and signed head) to relay; 本部 B knows 上海's laptop.
    await importInto(sh, (await exportTo(bj, dir, { for: '上海' })).file);
    await importInto(hqB, (await exportTo(sh, dir, { for: '本部' })).file);
    const shSite = sh.app.siteId;
    const log = await logOf(sh);
    const bjLog = (await logOf(bj)).filter((c) => c.origin === bj.app.siteId);
    const relay = [...log, ...bjLog].sort((a, b) =>
      a.origin === b.origin ? a.seq - b.seq : a.origin < b.origin ? -1 : 1,
    );
    const withoutOrigin = (origin: string) => (s: Segment[]) =>
      s.filter((x) => x.origin !== origin);
    // No segment for 上海's own changes, or for the relayed 北京 ones.
    await expectRefused(
      hq,
      await forge(sh, log, { segments: withoutOrigin(shSite) }),
      'FILE_UNAUTHENTICATED',
      /上海 的变更没有签名/,
    );
    await expectRefused(
      hq,
      await forge(sh, relay, { segments: withoutOrigin(bj.app.siteId) }),
      'FILE_UNAUTHENTICATED',
      /的变更没有签名/,
    );
    // Heads signed with another member's key, a random key, or (by a 本部 laptop) the zone root's.
    for (const key of [siteKey(bj), newKeyPair().privateKey]) {
      await expectRefused(
        hq,
        await forge(sh, log, { headKey: () => key }),
        'FILE_UNAUTHENTICATED',
        /上海 的变更签名无效/,
      );
    }
    await expectRefused(
      hq,
      await forge(hqB, projects(shSite, 1, 3)),
      'FILE_UNAUTHENTICATED',
      /上海 的变更签名无效/,
    );
    // 上海 relays 北京's changes re-signed with its own key.
    await expectRefused(
      hq,
      await forge(sh, relay, { headKey: () => siteKey(sh) }),
      'FILE_UNAUTHENTICATED',
      /的变更签名无效/,
    );
    // A signed head over other changes: a change altered after signing, or another state.
    const signed = segmentsFor(sh.app, log);
    const altered = log.map((c, i) =>
      i === log.length - 1 ? { ...c, fields: { ...c.fields, name: '改过的名字' } } : c,
    );
    await expectRefused(
      hq,
      await forge(sh, altered, { segments: () => signed }),
      'FILE_UNAUTHENTICATED',
      /上海 的变更与其签名不符/,
    );
    const otherState = signed.map((x) => ({ ...x, state: randomBytes(32).toString('hex') }));
    await expectRefused(
      hq,
      await forge(sh, log, { segments: () => otherState }),
      'FILE_UNAUTHENTICATED',
      /上海 的变更与其签名不符/,
    );
  });

  test('a manifest signed by a non-member or with a forged roster is FILE_UNAUTHENTICATED', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const bj = await replica('北京');
    const log = await logOf(sh);
    const zone = zoneOf(sh.app.sqlite);
    // A random key, another member's key, a sender the zone does not know.
    await expectRefused(
      hq,
      await forge(sh, log, { signKey: newKeyPair().privateKey }),
      'FILE_UNAUTHENTICATED',
      /发送方签名无效/,
    );
    await expectRefused(
      hq,
      await forge(sh, log, { signKey: siteKey(bj) }),
      'FILE_UNAUTHENTICATED',
      /发送方签名无效/,
    );
    const stranger = randomId(8);
    await expectRefused(
      hq,
      await forge(sh, [], { manifest: { sender: { siteId: stranger, office: '本部' } } }),
      'FILE_UNAUTHENTICATED',
      /发送方不是本分区的成员/,
    );
    // A grant the root never signed, admitting a laptop of its own, which signs the file.
    const at = new Date().toISOString();
    const fakeGrantKeys = newKeyPair();
    const grantBody = {
      zone: zone.id,
      grantId: randomId(8),
      role: 'hq' as const,
      publicKey: fakeGrantKeys.publicKey,
      issuedAt: at,
    };
    const fakeGrant = {
      ...grantBody,
      sig: signStatement('grant', grantBody, newKeyPair().privateKey),
    };
    const laptop = newKeyPair();
    const certFor = (grantId: string, key: string) => {
      const body = {
        zone: zone.id,
        siteId: stranger,
        office: '本部',
        publicKey: laptop.publicKey,
        grantId,
        issuedAt: at,
      };
      return { ...body, sig: signStatement('site', body, key) };
    };
    const roster = readRoster(sh.app.sql);
    const forgedRosters = [
      {
        ...roster,
        grants: [...roster.grants, fakeGrant],
        sites: [...roster.sites, certFor(fakeGrant.grantId, fakeGrantKeys.privateKey)],
      },
      // A laptop certificate citing a real grant, signed by a key that is not the grant's.
      { ...roster, sites: [...roster.sites, certFor(zone.grantId, fakeGrantKeys.privateKey)] },
      // A real certificate with its key swapped for the forger's.
      {
        ...roster,
        sites: roster.sites.map((s) =>
          s.siteId === sh.app.siteId ? { ...s, publicKey: laptop.publicKey } : s,
        ),
      },
      // A revocation of 上海 (which would drop its changes) that the root never signed.
      {
        ...roster,
        revocations: [
          { zone: zone.id, siteId: sh.app.siteId, lastSeq: 0, revokedAt: at, sig: fakeGrant.sig },
        ],
      },
    ];
    for (const forged of forgedRosters) {
      const asStranger = forged.sites.some((s) => s.siteId === stranger);
      const file = await forge(sh, asStranger ? projects(stranger, 1, 2) : log, {
        manifest: {
          roster: forged,
          ...(asStranger ? { sender: { siteId: stranger, office: '本部' } } : {}),
        },
        ...(asStranger ? { signKey: laptop.privateKey, headKey: () => laptop.privateKey } : {}),
      });
      await expectRefused(hq, file, 'FILE_UNAUTHENTICATED', /成员名单中有无效签名/);
    }
  });

  test('a revoked laptop’s file, and a file under another zone key, are FILE_UNAUTHENTICATED', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const bj = await replica('北京');
    call(bj, 'project.create', { name: '丢失前' });
    await importInto(hq, (await exportTo(bj, dir, { for: '本部' })).file);
    expectOk(await dispatch(hq.app, 'zone.revoke', { siteId: bj.app.siteId }));
    call(bj, 'project.create', { name: '丢失后' });
    const late = (await exportTo(bj, dir, { for: '上海' })).file;
    await expectRefused(hq, late, 'FILE_UNAUTHENTICATED', /北京 的电脑已被吊销/);
    // 上海, not yet told, takes the file and relays it: 本部 leaves the later changes out.
    await importInto(sh, late);
    const relayed = await imported(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    expect(relayed.warnings.join()).toMatch(/来自已吊销电脑的变更未导入/);
    expect(dump(hq).project!.map((p) => p.name)).toContain('丢失前');
    expect(dump(hq).project!.map((p) => p.name)).not.toContain('丢失后');
    // Once 上海 has the revocation, it refuses 北京's files too.
    await importInto(sh, (await exportTo(hq, dir, { for: '上海' })).file);
    call(bj, 'project.create', { name: '更晚' });
    const later = (await exportTo(bj, dir, { for: '上海' })).file;
    await expectRefused(sh, later, 'FILE_UNAUTHENTICATED', /北京 的电脑已被吊销/);
    // Another zone key, the zone's id and roster otherwise right.
    const wrongKey = await forge(sh, await logOf(sh), { zoneKey: randomBytes(32) });
    await expectRefused(hq, wrongKey, 'FILE_UNAUTHENTICATED', /无法用本分区的密钥解密/);
  });

  test('a fork: the same origin and seqs with another history is refused', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    for (let i = 0; i < BLOCK + 4; i++) call(sh, 'project.create', { name: `上海${i}` });
    await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    const log = await logOf(sh);
    expect(log.length).toBeGreaterThan(BLOCK);
    const shSite = sh.app.siteId;
    const rename = (c: Change, name: string) =>
      c.tbl === 'project' && c.fields.name !== undefined
        ? { ...c, fields: { ...c.fields, name } }
        : c;
    // Signed with 上海's own key (a restored copy of its database writing on): a whole block.
    const forked = log.map((c) => rename(c, `分叉${c.seq}`));
    await expectRefused(hq, await forge(sh, forked), 'ORIGIN_FORK', /上海，第 16 条前后/);
    // Within the last, unfinished block: the changes themselves differ.
    const lastBlock = log.filter((c) => c.seq > BLOCK);
    const tail = [
      ...log.filter((c) => c.seq <= BLOCK),
      ...lastBlock.map((c) => rename(c, '分叉尾')),
    ];
    const firstDiffering = tail.find((c, i) => c !== log[i])!.seq;
    await expectRefused(
      hq,
      await forge(sh, tail),
      'ORIGIN_SEQ_REUSE',
      new RegExp(`来源 上海，序号 ${firstDiffering}`),
    );
    // Beyond what 本部 holds, continuing another first block.
    const other = projects(shSite, 1, BLOCK, '另一段历史');
    const hasher = new ChainHasher(ZERO_CHAIN, 0);
    for (const c of other) hasher.add(Buffer.from(encodeChange(c) + '\n'));
    const prefix = hasher.blocks[0]![1];
    const next = projects(shSite, log.length + 1, 2);
    const from = BLOCK + 1;
    const beyond = [...log.filter((c) => c.seq >= from), ...next].map((c) =>
      rename(c, `续${c.seq}`),
    );
    const cont = new ChainHasher(prefix, BLOCK);
    for (const c of beyond) cont.add(Buffer.from(encodeChange(c) + '\n'));
    const to = cont.seq;
    const state = cont.state();
    const segment: Segment = {
      origin: shSite,
      from,
      to,
      prefix: prefix.toString('hex'),
      state: state.toString('hex'),
      sig: signStatement(
        'head',
        headBody(zoneOf(sh.app.sqlite).id, shSite, to, state),
        siteKey(sh),
      ),
    };
    await expectRefused(
      hq,
      await forge(sh, beyond, { segments: () => [segment] }),
      'ORIGIN_FORK',
      /上海，第 16 条前后/,
    );
  });
});
