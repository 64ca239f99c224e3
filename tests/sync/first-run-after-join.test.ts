// A laptop's first run (app.init) after it joined with the zone's data, by snapshot: the seeded
// rows (offices, dictionaries, settings, 2021 targets) it already holds are the zone's and stay as
// they are. Written over, the defaults would be the newest changes and win at every replica: a new
// 本部 laptop would reset the zone's targets and settings, a new office laptop its offices.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { joinWithInvitation, makeInvitation } from '../../db/sync/invitation';
import { makeSnapshot } from '../../db/sync/snapshot';
import { loadSnapshot } from '../../db/sync/snapshot-load';
import { expectOk, tempDir } from '../helpers';
import {
  exportTo,
  importInto,
  openReplica,
  sharedTestZone,
  TEST_INVITATION_PASSPHRASE,
} from './replicas';

const SEEDED = ['office', 'dictionary_item', 'setting', 'target'] as const;

function seededRows(app: AppDatabase) {
  return Object.fromEntries(
    SEEDED.map((t) => [t, app.sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]),
  );
}

/** The tables this laptop's own changes touched. */
function ownTables(app: AppDatabase): string[] {
  return app.sqlite
    .prepare('SELECT DISTINCT tbl FROM sync_change WHERE origin = ? ORDER BY tbl')
    .pluck()
    .all(app.siteId) as string[];
}

describe('first run after joining with the zone data', () => {
  test.each([
    ['本部', true],
    ['北京', false],
  ])(
    'a %s laptop keeps the zone offices, dictionaries, settings and targets',
    async (office, hq) => {
      const dir = tempDir('zs-first-run-');
      const zoneHq = await openReplica('本部', { dir: tempDir('zs-first-run-hq-') });
      // 本部 has changed what every laptop seeds: an office reordered, one deleted, a dictionary
      // item renamed, a setting and a 2021 target changed.
      const target = zoneHq.app.sqlite
        .prepare('SELECT id FROM target LIMIT 1')
        .pluck()
        .get() as string;
      zoneHq.app.transact((tx) => {
        tx.mutate.put('office', 'shanghai', { sort: 9 });
        tx.mutate.put('office', 'shenzhen', { deleted: 1 });
        const item = tx.sql
          .prepare('SELECT id FROM dictionary_item LIMIT 1')
          .pluck()
          .get() as string;
        tx.mutate.put('dictionary_item', item, { label: '本部改过的名称' });
        tx.mutate.put('setting', 'landing.rule', {
          value: JSON.stringify({ milestone: 'producing', cohort: 'signed_in_year' }),
        });
        tx.mutate.put('target', target, { guarantee: 123_456, note: '本部调整' });
      });
      const zoneData = seededRows(zoneHq.app);
      const snapshot = await makeSnapshot(zoneHq.app, { out: join(dir, 'zone.zsnap') });

      const zone = await sharedTestZone();
      const invitation = await makeInvitation(zone.hub, {
        out: join(dir, 'new.zsinvite'),
        passphrase: TEST_INVITATION_PASSPHRASE,
        withoutData: true,
        ...(hq ? { hq: true } : { office }),
      });
      const app = await openAppDatabase(join(dir, 'new.sqlite'), {
        wallMs: () => zoneHq.clock.ms + 60_000,
      });
      await joinWithInvitation(app, {
        file: invitation.file,
        passphrase: TEST_INVITATION_PASSPHRASE,
      });
      await loadSnapshot(app, { file: snapshot.file });
      expectOk(dispatchSync(app, 'app.init', { user: `${office}新同事`, office }));

      expect(seededRows(app)).toEqual(zoneData);
      // Its first run wrote its promoter, nothing of the zone's seeded rows.
      expect(ownTables(app)).toEqual(['promoter']);
      // Back at 本部, its first file changes none of them either.
      const file = await exportTo({ app, office, clock: { ms: 0 } }, dir, {
        for: zoneHq.app.siteId,
      });
      await importInto(zoneHq, file.file);
      expect(seededRows(zoneHq.app)).toEqual(zoneData);
      app.close();
      zoneHq.app.close();
    },
  );
});
