// A revocation at 本部 reads its own holdings in the same process as its next saves: the saves
// keep their dense seqs (a statement shared by both once returned a bare value to the mutation
// layer, which restarted at seq 1 and failed on the change log's key).
import { expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import { exportTo, importInto, openReplica } from './replicas';
import { tempDir } from '../helpers';

test('本部 saves after revoking a laptop', async () => {
  const hq = await openReplica('本部');
  const sh = await openReplica('上海');
  await importInto(hq, (await exportTo(sh, tempDir(), { full: true })).file);
  expect(dispatchSync(hq.app, 'zone.revoke', { siteId: sh.app.siteId })).toMatchObject({
    ok: true,
  });
  expect(dispatchSync(hq.app, 'project.create', { name: '吊销之后' })).toMatchObject({ ok: true });
  const seqs = hq.app.sqlite
    .prepare('SELECT seq FROM sync_change WHERE origin = ? ORDER BY seq')
    .pluck()
    .all(hq.app.siteId) as number[];
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  hq.app.close();
  sh.app.close();
});
