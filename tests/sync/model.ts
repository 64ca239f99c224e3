// A small world for sync properties: replicas copied from initialised templates (fast to open), each
// with its own skewed clock, random edits through the mutation layer, and real files exchanged in a
// RAM folder. The checks read the union of every replica's change log.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { openAppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { listConflicts } from '../../db/sync/conflicts';
import type { Fields } from '../../db/mutation';
import { expectOk, tempDir } from '../helpers';
import { joinWithInvitation } from '../../db/sync/invitation';
import { sharedTestZone, TEST_INVITATION_PASSPHRASE } from './replicas';
import type { Replica } from './replicas';

const ramDir = () => tempDir('zs-prop-', existsSync('/dev/shm') ? '/dev/shm' : undefined);
export const BASE_MS = Date.UTC(2021, 5, 12, 7, 30);
const OFFICE_POOL = ['本部', '上海', '北京', '深圳'];

const templates = new Map<string, string>();

/** An initialised database per office, made once per test file and copied for every replica. */
async function template(office: string): Promise<string> {
  let file = templates.get(office);
  if (!file) {
    file = join(ramDir(), 'template.sqlite');
    const app = await openAppDatabase(file, { wallMs: () => BASE_MS });
    // Every replica joins the test zone; a copy certifies its new site id with the same grant.
    const zone = await sharedTestZone();
    await joinWithInvitation(app, {
      file: office === '本部' ? zone.hq : zone.office,
      passphrase: TEST_INVITATION_PASSPHRASE,
    });
    expectOk(dispatchSync(app, 'app.init', { user: `${office}用户`, office }));
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    app.close();
    templates.set(office, file);
  }
  return file;
}

export async function world(
  offsetsMin: number[],
  offices: readonly string[] = OFFICE_POOL,
): Promise<{ replicas: Replica[]; dir: string; close: () => void }> {
  const dir = ramDir();
  const replicas: Replica[] = [];
  for (const [i, offset] of offsetsMin.entries()) {
    const office = offices[i % offices.length]!;
    const file = join(dir, `r${i}.sqlite`);
    copyFileSync(await template(office), file);
    const clock = { ms: BASE_MS + offset * 60_000 };
    // A copied file has no identity file beside it, so it takes a fresh site id (S2).
    const app = await openAppDatabase(file, { wallMs: () => clock.ms });
    replicas.push({ app, office, clock });
  }
  const close = () => {
    replicas.forEach((r) => r.app.close());
    rmSync(dir, { recursive: true, force: true });
  };
  return { replicas, dir, close };
}

export type Edit =
  | { kind: 'create'; name: string }
  | { kind: 'child'; target: number; note: string }
  | {
      kind: 'set';
      target: number;
      field: 'name' | 'problems' | 'total_investment';
      value: string | number | null;
    }
  | { kind: 'delete'; target: number }
  | { kind: 'undelete'; target: number };

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      name: fc.constantFrom('甲', '乙', '丙'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('child' as const),
      target: fc.nat(20),
      note: fc.constantFrom('拜访', '电话'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        target: fc.nat(20),
        field: fc.constant('name' as const),
        value: fc.constantFrom('A', 'B', 'C'),
      }),
      fc.record({
        kind: fc.constant('set' as const),
        target: fc.nat(20),
        field: fc.constant('problems' as const),
        value: fc.constantFrom('x', 'y', null),
      }),
      fc.record({
        kind: fc.constant('set' as const),
        target: fc.nat(20),
        field: fc.constant('total_investment' as const),
        value: fc.constantFrom(100_000_000, 2_000_000_000, null),
      }),
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat(20) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('undelete' as const), target: fc.nat(20) }),
  },
);

/** Applies an edit the way the services would: only to rows this replica has, never to a deleted one. */
export function applyEdit(r: Replica, e: Edit): void {
  r.app.transact((tx) => {
    const rows = tx.sql.prepare('SELECT id, deleted FROM project ORDER BY id').all() as {
      id: string;
      deleted: number;
    }[];
    const pick = (n: number) => rows[n % rows.length];
    switch (e.kind) {
      case 'create':
        tx.mutate.insert('project', { name: e.name, country: 'DE' });
        return;
      case 'child': {
        const p = rows.length ? pick(e.target) : undefined;
        if (p && !p.deleted)
          tx.mutate.insert('activity', { project_id: p.id, kind: 'visit', notes: e.note });
        return;
      }
      case 'set': {
        const p = rows.length ? pick(e.target) : undefined;
        if (p && !p.deleted) tx.mutate.update('project', p.id, { [e.field]: e.value } as Fields);
        return;
      }
      case 'delete':
      case 'undelete': {
        const p = rows.length ? pick(e.target) : undefined;
        if (p) tx.mutate.update('project', p.id, { deleted: e.kind === 'delete' ? 1 : 0 });
      }
    }
  });
}

interface LogRow {
  origin: string;
  seq: number;
  hlc: string;
  tbl: string;
  row_id: string;
  fields: string;
}

export function changeLog(r: Replica): LogRow[] {
  return r.app.sqlite
    .prepare('SELECT origin, seq, hlc, tbl, row_id, fields FROM sync_change ORDER BY origin, seq')
    .all() as LogRow[];
}

/** Per row and field, the value of its greatest-hlc change in `log` (S5). */
export function expectedFields(log: LogRow[]): Map<string, Record<string, unknown>> {
  const best = new Map<string, Record<string, { hlc: string; value: unknown }>>();
  for (const c of log) {
    const key = `${c.tbl}/${c.row_id}`;
    const row = best.get(key) ?? {};
    for (const [col, value] of Object.entries(JSON.parse(c.fields) as Record<string, unknown>)) {
      if (!row[col] || row[col]!.hlc < c.hlc) row[col] = { hlc: c.hlc, value };
    }
    best.set(key, row);
  }
  return new Map(
    [...best].map(([k, row]) => [
      k,
      Object.fromEntries(Object.entries(row).map(([c, v]) => [c, v.value])),
    ]),
  );
}

export function openConflictIds(r: Replica): string[] {
  return r.app.transact((tx) => listConflicts(tx).map((c) => c.id), { write: false });
}
