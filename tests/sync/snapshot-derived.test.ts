// A snapshot carries the rules its rows' derived columns were computed by (the maker's
// derived_version): a laptop on the same rules keeps them as sent, one on other rules (the same
// migrations, another release) recomputes them after the load. On real database and snapshot files.
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { installMutationGuard, removeMutationGuard } from '../../db/mutation';
import { readMeta, writeMeta } from '../../db/replica-identity';
import { makeSnapshot } from '../../db/sync/snapshot';
import { loadSnapshot } from '../../db/sync/snapshot-load';
import { matchKey } from '../../domain/project-match';
import type { ProjectRecord } from '../../domain/project-input';
import { tempDir } from '../helpers';
import { call, openReplica } from './replicas';
import type { Replica } from './replicas';
import { emptyJoined } from './snapshot-joined';

const open: (Replica | { app: AppDatabase })[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

/** A 本部 whose project's derived columns say what no rule of this release computes. */
async function skewedHq(version: (current: string) => string) {
  const hq = await openReplica('本部', { dir: tempDir('zs-derived-') });
  open.push(hq);
  const p = call<ProjectRecord>(hq, 'project.create', { name: '一期工厂', investor: '甲公司' });
  removeMutationGuard(hq.app.sqlite);
  hq.app.sqlite.prepare("UPDATE project SET search_text = 'older', match_key = 'older'").run();
  installMutationGuard(hq.app.sqlite);
  const current = readMeta(hq.app.sqlite, 'derived_version')!;
  writeMeta(hq.app.sqlite, 'derived_version', version(current));
  return { hq, id: p.id, current };
}

async function joined(hq: Replica) {
  const dir = tempDir('zs-derived-files-');
  const snapshot = await makeSnapshot(hq.app, { out: join(dir, 'zone.zsnap') });
  const app = await emptyJoined(dir, '上海', { ms: hq.clock.ms + 60_000 });
  open.push({ app });
  const report = await loadSnapshot(app, { file: snapshot.file });
  return { app, report };
}

const derivedOf = (app: AppDatabase, id: string) =>
  app.sqlite.prepare('SELECT search_text, match_key FROM project WHERE id = ?').get(id) as {
    search_text: string;
    match_key: string;
  };

test('rows derived by other rules are recomputed after the load', async () => {
  const { hq, id, current } = await skewedHq(() => '6');
  const { app, report } = await joined(hq);
  expect(derivedOf(app, id).match_key).toBe(matchKey('甲公司', '一期工厂'));
  expect(derivedOf(app, id).search_text).toContain('一期工厂');
  expect(readMeta(app.sqlite, 'derived_version')).toBe(current);
  expect(report.phasesMs).toHaveProperty('derive');
});

test('rows derived by the same rules are kept as sent, at no cost', async () => {
  const { hq, id } = await skewedHq((current) => current);
  const { app, report } = await joined(hq);
  expect(derivedOf(app, id)).toEqual({ search_text: 'older', match_key: 'older' });
  expect(report.phasesMs).not.toHaveProperty('derive');
});
