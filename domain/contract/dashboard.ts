// The 看板 and the yearly targets it measures against.
import type { Dashboard } from '../dashboard';
import { dashboardInput, drillInput } from '../dashboard';
import type { LedgerRow } from '../ledger';
import type { TargetRecord } from '../targets';
import {
  targetActualInput,
  targetCopyYearInput,
  targetListInput,
  targetUpsertInput,
} from '../targets';
import { method } from './method';

export const dashboardMethods = {
  'target.list': method<typeof targetListInput, TargetRecord[]>(targetListInput),
  'target.upsert': method<typeof targetUpsertInput, TargetRecord>(targetUpsertInput),
  'target.setActual': method<typeof targetActualInput, TargetRecord>(targetActualInput),
  'target.copyYear': method<typeof targetCopyYearInput, TargetRecord[]>(targetCopyYearInput),
  'dashboard.get': method<typeof dashboardInput, Dashboard>(dashboardInput),
  'dashboard.drill': method<typeof drillInput, LedgerRow[]>(drillInput),
};
