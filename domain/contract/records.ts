// The records a promoter keeps: projects and the 台账, investors, contacts, follow-ups (activities
// and tasks), 到访, 展会速记, a project's history and the quick search.
import { z } from 'zod';
import type { CaptureRecord } from '../captures';
import {
  captureAttachInput,
  captureConvertInput,
  captureCreate,
  captureListInput,
} from '../captures';
import type {
  ActivityRecord,
  ArrivalRecord,
  ContactRecord,
  InvestorRecord,
  TaskRecord,
} from '../entities';
import {
  activityCreate,
  activityPatch,
  arrivalCreate,
  arrivalPatch,
  contactCreate,
  contactPatch,
  investorCreate,
  investorPatch,
  taskCreate,
  taskPatch,
} from '../entities';
import type { DeletionPreview, DeletionResult, RestoreResult } from '../deletion';
import { deletableKinds } from '../deletion';
import { recordId } from '../fields';
import type { KeyInvestmentRecord } from '../key-investment';
import { keyInvestmentList, keyInvestmentSet } from '../key-investment';
import type { HistoryEntry } from '../history';
import type { LedgerPage } from '../ledger';
import { ledgerQuery } from '../ledger';
import type { ProjectRecord } from '../project-input';
import { projectCreateInput, projectPatch } from '../project-input';
import type { QuickSearchResult, SearchResults, SimilarInvestor } from '../search';
import { quickSearchInput, searchInput, similarInput } from '../search';
import { idInput, method, patchOf } from './method';

const investorListInput = z
  .strictObject({
    q: z.string().trim().max(100).optional(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .default({ offset: 0, limit: 100 });
/** One record named by its kind (domain/deletion.ts). */
const recordRef = z.strictObject({
  kind: z.enum(deletableKinds, { error: '未知的记录类型' }),
  id: recordId('记录'),
});
const ownerFilter = z.strictObject({
  projectId: z.string().optional(),
  investorId: z.string().optional(),
});
const arrivalListInput = z.strictObject({ projectId: z.string({ error: '缺少项目编号' }) });
const taskListInput = z.strictObject({
  projectId: z.string().optional(),
  done: z.boolean().optional(),
  dueBefore: z.string().optional(),
  /** Only tasks assigned to the current user, or to no one. */
  mine: z.boolean().optional(),
});

export const recordMethods = {
  'project.create': method<typeof projectCreateInput, ProjectRecord>(projectCreateInput),
  'project.update': method<ReturnType<typeof patchOf<typeof projectPatch>>, ProjectRecord>(
    patchOf(projectPatch),
  ),
  'project.delete': method<typeof idInput, DeletionResult>(idInput),
  'project.get': method<typeof idInput, ProjectRecord>(idInput),
  'ledger.query': method<typeof ledgerQuery, LedgerPage>(ledgerQuery),
  'project.history': method<typeof idInput, HistoryEntry[]>(idInput),
  'investor.create': method<typeof investorCreate, InvestorRecord>(investorCreate),
  'investor.update': method<ReturnType<typeof patchOf<typeof investorPatch>>, InvestorRecord>(
    patchOf(investorPatch),
  ),
  'investor.delete': method<typeof idInput, DeletionResult>(idInput),
  'investor.get': method<typeof idInput, InvestorRecord>(idInput),
  'investor.list': method<typeof investorListInput, InvestorRecord[]>(investorListInput),
  'investor.similar': method<typeof similarInput, SimilarInvestor[]>(similarInput),
  'search.quick': method<typeof quickSearchInput, QuickSearchResult>(quickSearchInput),
  'search.all': method<typeof searchInput, SearchResults>(searchInput),
  'contact.create': method<typeof contactCreate, ContactRecord>(contactCreate),
  'contact.update': method<ReturnType<typeof patchOf<typeof contactPatch>>, ContactRecord>(
    patchOf(contactPatch),
  ),
  'contact.delete': method<typeof idInput, DeletionResult>(idInput),
  'contact.list': method<typeof ownerFilter, ContactRecord[]>(ownerFilter),
  'activity.create': method<typeof activityCreate, ActivityRecord>(activityCreate),
  'activity.update': method<ReturnType<typeof patchOf<typeof activityPatch>>, ActivityRecord>(
    patchOf(activityPatch),
  ),
  'activity.delete': method<typeof idInput, DeletionResult>(idInput),
  'activity.list': method<typeof ownerFilter, ActivityRecord[]>(ownerFilter),
  'task.create': method<typeof taskCreate, TaskRecord>(taskCreate),
  'task.update': method<ReturnType<typeof patchOf<typeof taskPatch>>, TaskRecord>(
    patchOf(taskPatch),
  ),
  'task.delete': method<typeof idInput, DeletionResult>(idInput),
  'task.list': method<typeof taskListInput, (TaskRecord & { projectName: string | null })[]>(
    taskListInput,
  ),
  'arrival.create': method<typeof arrivalCreate, ArrivalRecord>(arrivalCreate),
  'arrival.update': method<ReturnType<typeof patchOf<typeof arrivalPatch>>, ArrivalRecord>(
    patchOf(arrivalPatch),
  ),
  'arrival.delete': method<typeof idInput, DeletionResult>(idInput),
  'arrival.list': method<typeof arrivalListInput, ArrivalRecord[]>(arrivalListInput),
  /** A project's 年度重点推进项目 years: flags, 年度计划投资, monthly 完成投资. */
  'keyInvestment.list': method<typeof keyInvestmentList, KeyInvestmentRecord[]>(keyInvestmentList),
  'keyInvestment.set': method<typeof keyInvestmentSet, KeyInvestmentRecord>(keyInvestmentSet),
  /** What deleting a record would take with it, or why it would be refused; asked before a delete. */
  'record.deletion': method<typeof recordRef, DeletionPreview>(recordRef),
  /** Undoes a delete: the record and exactly the rows its delete took with it, in one change set. */
  'record.restore': method<typeof recordRef, RestoreResult>(recordRef),
  'capture.create': method<typeof captureCreate, CaptureRecord>(captureCreate),
  'capture.list': method<typeof captureListInput, CaptureRecord[]>(captureListInput),
  'capture.convert': method<typeof captureConvertInput, ProjectRecord>(captureConvertInput),
  'capture.attach': method<typeof captureAttachInput, CaptureRecord>(captureAttachInput),
  'capture.dismiss': method<typeof idInput, CaptureRecord>(idInput),
};
