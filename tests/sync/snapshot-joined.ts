// A laptop that has joined the shared test zone with an invitation without data: what a snapshot
// is loaded into (tests/sync/snapshot*.test.ts).
import { join } from 'node:path';
import { openAppDatabase } from '../../db/app-database';
import { joinWithInvitation, makeInvitation } from '../../db/sync/invitation';
import { sharedTestZone, TEST_INVITATION_PASSPHRASE } from './replicas';

/** A laptop of `office` that has joined the test zone with an invitation without data. */
export async function emptyJoined(dir: string, office: string, clock: { ms: number }) {
  const zone = await sharedTestZone();
  const invitation = await makeInvitation(zone.hub, {
    out: join(dir, `${office}-${Math.random().toString(16).slice(2)}.zsinvite`),
    passphrase: TEST_INVITATION_PASSPHRASE,
    withoutData: true,
    office,
  });
  const app = await openAppDatabase(
    join(dir, `joined-${Math.random().toString(16).slice(2)}.sqlite`),
    {
      wallMs: () => clock.ms,
    },
  );
  await joinWithInvitation(app, { file: invitation.file, passphrase: TEST_INVITATION_PASSPHRASE });
  return app;
}
