// Renderer entry, kept small: it asks for app.status and the 台账's first page at once, then loads the app
// (mount.tsx), so the query runs while the app's code is still being parsed.
import { prefetch } from './api/prefetch';
import { firstLedgerPage } from './ledger/ledger-first-page';

prefetch('app.status', undefined);
prefetch('ledger.query', firstLedgerPage);
void import('./mount');
