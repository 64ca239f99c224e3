// Laptops of one real zone for the browser tests: 本部's server, offices that joined it with an
// invitation, and changes carried between them by a sync file, as on a USB stick. Set-up and
// checks call the API in process (`server.dispatch`), as the CLI does.
import { join } from 'node:path';
import { startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import type { SyncExportResult, SyncImportReport } from '../../domain/sync';
import { expectOk, tempDir } from '../helpers';

/** Calls `server`'s API in process; throws on a failed result. */
export async function serverRpc<T>(server: WebServer, method: string, input?: unknown): Promise<T> {
  return expectOk(await server.dispatch(method, input ?? null)) as T;
}

/** 本部's laptop of a new zone 经开区招商. */
export function startHq(prefix: string, user = '李建国'): Promise<WebServer> {
  return startWebServer({
    port: 0,
    dbFile: join(tempDir(`${prefix}-hq-`), 'hq.sqlite'),
    user,
    office: '本部',
    zoneName: '经开区招商',
  });
}

/** An office laptop joined to `hq`'s zone; its invitation carries 本部's data unless `withoutData`. */
export async function startJoined(
  hq: WebServer,
  prefix: string,
  laptop: { office: string; user: string; withoutData?: boolean },
): Promise<WebServer> {
  const invitation = {
    file: join(tempDir(`${prefix}-invite-`), `${laptop.office}.zsinvite`),
    passphrase: '电话告知的邀请口令',
  };
  await serverRpc(hq, 'zone.invite', {
    out: invitation.file,
    passphrase: invitation.passphrase,
    withoutData: laptop.withoutData ?? false,
    office: laptop.office,
  });
  return startWebServer({
    port: 0,
    dbFile: join(tempDir(`${prefix}-${laptop.office}-`), 'crm.sqlite'),
    user: laptop.user,
    office: laptop.office,
    join: invitation,
  });
}

/** A sync file of `from`'s changes for `forOffice`, made as the CLI makes it; its path. */
export async function exportFile(from: WebServer, forOffice: string): Promise<string> {
  const out = tempDir('zs-carry-usb-');
  return (await serverRpc<SyncExportResult>(from, 'sync.export', { out, for: forOffice })).file;
}

/** `from`'s changes for `forOffice` exported to a file and imported at `to`. */
export async function carry(
  from: WebServer,
  to: WebServer,
  forOffice: string,
): Promise<SyncImportReport> {
  const file = await exportFile(from, forOffice);
  return serverRpc<SyncImportReport>(to, 'sync.import', { file });
}
