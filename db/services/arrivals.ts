// 到资记录 (capital arrivals): the kind follows the project unless given (外资 → 实到外资, else 到位内资),
// and whether domestic money counts as 市外内资 follows the project's or its investor's city unless
// the arrival overrides it (outsideCity true or false; null follows).
import { AppError } from '../../domain/errors';
import type { ArrivalRecord } from '../../domain/entities';
import type { Tx } from '../app-database';
import type { Fields } from '../mutation';
import { entitySpecs, getEntity, listEntities } from './entities';

const spec = entitySpecs.arrival;

/** Input fields to columns: outsideCity is the override; setting it retires an older version's box. */
function arrivalColumns(input: Record<string, unknown>): Fields {
  const row: Fields = {};
  const plain = {
    projectId: 'project_id',
    arrivedOn: 'arrived_on',
    amount: 'amount',
    currency: 'currency',
    kind: 'kind',
    notes: 'notes',
  } as const;
  for (const [key, col] of Object.entries(plain)) {
    const value = input[key];
    if (value !== undefined) row[col] = value as string | number | null;
  }
  if (input.outsideCity !== undefined) {
    row.outside_override = input.outsideCity === null ? null : input.outsideCity ? 1 : 0;
    row.outside_city = null;
  }
  return row;
}

/** The kind an arrival takes from its project: 外资 (or a foreign region) is fdi, else domestic. */
function kindOf(tx: Tx, projectId: string): 'fdi' | 'domestic' {
  const project = tx.sql
    .prepare('SELECT capital_type, region FROM project WHERE id = ? AND deleted = 0')
    .get(projectId) as { capital_type: string | null; region: string | null } | undefined;
  if (!project) throw new AppError('NOT_FOUND', `项目 ${projectId}`);
  if (project.capital_type === 'foreign') return 'fdi';
  if (project.capital_type === 'domestic') return 'domestic';
  return project.region && project.region !== 'domestic' ? 'fdi' : 'domestic';
}

export function createArrival(tx: Tx, input: Record<string, unknown>): ArrivalRecord {
  const projectId = String(input.projectId);
  const kind = input.kind ?? kindOf(tx, projectId);
  const id = tx.mutate.insert('capital_arrival', arrivalColumns({ ...input, kind }));
  return getArrival(tx, id);
}

export function updateArrival(tx: Tx, id: string, patch: Record<string, unknown>): ArrivalRecord {
  getArrival(tx, id);
  if (typeof patch.projectId === 'string') kindOf(tx, patch.projectId);
  tx.mutate.update('capital_arrival', id, arrivalColumns(patch));
  return getArrival(tx, id);
}

export function getArrival(tx: Tx, id: string): ArrivalRecord {
  return arrivalRecord(getEntity<RawArrival>(tx, spec, id));
}

export function listArrivals(tx: Tx, filter: { projectId: string }): ArrivalRecord[] {
  return listEntities<RawArrival>(tx, spec, filter).map(arrivalRecord);
}

type RawArrival = Omit<ArrivalRecord, 'outsideCity' | 'outsideCounted'> & {
  outsideCity: number | null;
  outsideOverride: number | null;
  outsideCounted: number | null;
};

function arrivalRecord(raw: RawArrival): ArrivalRecord {
  const { outsideCity: legacy, outsideOverride, outsideCounted, ...rest } = raw;
  const override = outsideOverride ?? (legacy === 1 ? 1 : null);
  return {
    ...rest,
    outsideCity: override === null ? null : override === 1,
    outsideCounted: rest.kind === 'domestic' && outsideCounted === 1,
  };
}
