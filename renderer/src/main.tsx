// Renderer entry, kept small: it asks for the app (mount.tsx) and then for app.status and the 台账's
// first page, so the answers arrive while the app's code is still being parsed. The code goes
// first: its download and parse are the longer way to the first rows, and a backend that answers
// one request at a time (the Electron main process, the browser harness) would otherwise send it
// only after running the query.
import { prefetch } from './api/prefetch';
import { firstLedgerPage } from './ledger/ledger-first-page';

void import('./mount');
prefetch('app.status', undefined);
prefetch('ledger.query', firstLedgerPage);
