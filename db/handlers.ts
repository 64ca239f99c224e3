// The contract's implementation: one handler per method. Each runs inside one transaction opened by
// the dispatcher (or, for whole-database operations, manages its own).
import type { MethodInput, MethodName, MethodOutput } from '../domain/contract';
import type { AppDatabase, Tx } from './app-database';
import { appStatus, dictionaries, initialize, loadDemo } from './services/app';
import {
  createEntity,
  createInvestor,
  deleteEntity,
  deleteInvestor,
  entitySpecs,
  getInvestor,
  listEntities,
  listInvestors,
  updateEntity,
  updateInvestor,
} from './services/entities';
import { queryLedger } from './services/ledger';
import { createProject, deleteProject, getProject, updateProject } from './services/projects';
import { listTargets, setTargetActual, upsertTarget } from './services/targets';

type Handler<M extends MethodName> =
  | { tx: (tx: Tx, input: MethodInput<M>) => MethodOutput<M> }
  | { app: (app: AppDatabase, input: MethodInput<M>) => MethodOutput<M> };

const { contact, activity, task, arrival } = entitySpecs;

export const handlers: { [M in MethodName]: Handler<M> } = {
  'app.status': { app: (app) => appStatus(app) },
  'app.init': { app: (app, input) => initialize(app, input) },
  'app.demo': { app: (app, input) => loadDemo(app, input) },
  'dictionary.list': { tx: (tx) => dictionaries(tx) },

  'project.create': { tx: createProject },
  'project.update': { tx: (tx, { id, patch }) => updateProject(tx, id, patch) },
  'project.delete': { tx: (tx, { id }) => deleteProject(tx, id) },
  'project.get': { tx: (tx, { id }) => getProject(tx, id) },
  'ledger.query': { tx: queryLedger },

  'investor.create': { tx: createInvestor },
  'investor.update': { tx: (tx, { id, patch }) => updateInvestor(tx, id, patch) },
  'investor.delete': { tx: (tx, { id }) => deleteInvestor(tx, id) },
  'investor.get': { tx: (tx, { id }) => getInvestor(tx, id) },
  'investor.list': { tx: listInvestors },

  'contact.create': { tx: (tx, input) => createEntity(tx, contact, input) },
  'contact.update': { tx: (tx, { id, patch }) => updateEntity(tx, contact, id, patch) },
  'contact.delete': { tx: (tx, { id }) => deleteEntity(tx, contact, id) },
  'contact.list': { tx: (tx, input) => listEntities(tx, contact, input) },

  'activity.create': { tx: (tx, input) => createEntity(tx, activity, input) },
  'activity.update': { tx: (tx, { id, patch }) => updateEntity(tx, activity, id, patch) },
  'activity.delete': { tx: (tx, { id }) => deleteEntity(tx, activity, id) },
  'activity.list': { tx: (tx, input) => listEntities(tx, activity, input) },

  'task.create': { tx: (tx, input) => createEntity(tx, task, input) },
  'task.update': { tx: (tx, { id, patch }) => updateEntity(tx, task, id, patch) },
  'task.delete': { tx: (tx, { id }) => deleteEntity(tx, task, id) },
  'task.list': { tx: (tx, input) => listEntities(tx, task, input) },

  'arrival.create': { tx: (tx, input) => createEntity(tx, arrival, input) },
  'arrival.update': { tx: (tx, { id, patch }) => updateEntity(tx, arrival, id, patch) },
  'arrival.delete': { tx: (tx, { id }) => deleteEntity(tx, arrival, id) },
  'arrival.list': { tx: (tx, input) => listEntities(tx, arrival, input) },

  'target.list': { tx: listTargets },
  'target.upsert': { tx: upsertTarget },
  'target.setActual': { tx: setTargetActual },
};
