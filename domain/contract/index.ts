// The API contract: every method the UI, CLI and tests may call, with its zod input schema and its
// output type, by area. Both transports (Electron IPC and the HTTP harness) serve exactly this list.
import { z } from 'zod';
import { appMethods } from './app';
import { claimMethods } from './claims';
import { compactionMethods } from './compaction';
import { dashboardMethods } from './dashboard';
import { excelMethods } from './excel';
import { mergeMethods } from './merges';
import { recordMethods } from './records';
import { syncMethods } from './sync';

export type { AppStatus, Dictionaries } from './app';
export { demoInput, initInput } from './app';

z.config(z.locales.zhCN());

export const contract = {
  ...appMethods,
  ...recordMethods,
  ...mergeMethods,
  ...claimMethods,
  ...excelMethods,
  ...dashboardMethods,
  ...syncMethods,
  ...compactionMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export const methodNames = Object.keys(contract) as MethodName[];
