// The methods that change nothing: a window may keep their answers until some other method is
// called (renderer/src/api/prefetch.ts). The database's handlers say the same with `read` or
// `readOnly`; tests/renderer/method-reads.test.ts holds the two lists equal.
import type { MethodName } from './index';

export const readMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.status',
  'dictionary.list',
  'project.get',
  'ledger.query',
  'investor.get',
  'investor.list',
  'contact.list',
  'activity.list',
  'task.list',
  'arrival.list',
  'keyInvestment.list',
  'target.list',
  'dashboard.get',
  'dashboard.drill',
  'project.history',
  'investor.similar',
  'search.quick',
  'search.all',
  'record.deletion',
  'capture.list',
  'settings.get',
  'backup.list',
  'view.list',
  'sync.site',
  'data.quality',
  'data.check',
  'sync.peers',
  'sync.exportName',
  'sync.log',
  'sync.conflicts',
  'sync.dump',
  'zone.status',
]);
