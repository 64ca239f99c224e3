// Trade-fair quick captures (展会速记): saved in one step at the stand, triaged afterwards into a new
// project or onto an existing one, where the contact and a 展会 activity land.
import { AppError } from '../../domain/errors';
import type { z } from 'zod';
import { projectFields } from '../../domain/project-input';
import type { ProjectRecord } from '../../domain/project-input';
import type {
  CaptureRecord,
  captureAttachInput,
  captureConvertInput,
  captureCreate,
  captureListInput,
} from '../../domain/captures';
import { todayIso } from '../../domain/dates';
import type { Tx } from '../app-database';
import { createProject, getProject } from './projects';
import { fromRow, toRow } from './rows';

export function createCapture(tx: Tx, input: z.output<typeof captureCreate>): CaptureRecord {
  const id = tx.mutate.insert('capture', {
    ...toRow(input),
    captured_on: input.capturedOn ?? todayIso(),
    status: 'new',
  });
  return getCapture(tx, id);
}

export function listCaptures(tx: Tx, input: z.output<typeof captureListInput>): CaptureRecord[] {
  const rows = tx.sql
    .prepare(
      `SELECT * FROM capture WHERE deleted = 0 AND (@status IS NULL OR status = @status)
       ORDER BY captured_on DESC, id DESC LIMIT 2000`,
    )
    .all({ status: input.status ?? null }) as Record<string, unknown>[];
  return rows.map((r) => fromRow<CaptureRecord>(r));
}

/** Turns a capture into a new project of channel 展会 (when it names the edition), with its contact and a first activity. */
export function convertCapture(tx: Tx, input: z.output<typeof captureConvertInput>): ProjectRecord {
  const capture = openCapture(tx, input.id);
  const project = createProject(tx, {
    name: input.projectName ?? projectNameFor(capture.investorName),
    ...(input.investorId ? { investorId: input.investorId } : { investor: capture.investorName }),
    // 展会 needs its edition (as the form); a capture without one leaves the channel to be set.
    channel: capture.fairEdition ? 'fair' : null,
    fairEdition: capture.fairEdition,
    stage: 'lead',
    nextSteps: capture.interest,
  });
  recordOnProject(tx, capture, project);
  tx.mutate.update('capture', capture.id, { status: 'converted', project_id: project.id });
  return getProject(tx, project.id);
}

/** Files a capture under an existing project: its contact and a 展会 activity land there. */
export function attachCapture(tx: Tx, input: z.output<typeof captureAttachInput>): CaptureRecord {
  const capture = openCapture(tx, input.id);
  const project = getProject(tx, input.projectId);
  recordOnProject(tx, capture, project);
  tx.mutate.update('capture', capture.id, { status: 'attached', project_id: project.id });
  return getCapture(tx, capture.id);
}

export function dismissCapture(tx: Tx, id: string): CaptureRecord {
  openCapture(tx, id);
  tx.mutate.update('capture', id, { status: 'dismissed' });
  return getCapture(tx, id);
}

/** The investor's name with 项目, unless that is longer than a project's name may be. */
function projectNameFor(investorName: string): string {
  const name = `${investorName}项目`;
  return projectFields.shape.name.safeParse(name).success ? name : investorName;
}

function recordOnProject(tx: Tx, capture: CaptureRecord, project: ProjectRecord) {
  if (capture.contactName) {
    tx.mutate.insert('contact', {
      investor_id: project.investorId,
      project_id: project.id,
      name: capture.contactName,
      phone: capture.phone,
      wechat: capture.wechat,
    });
  }
  tx.mutate.insert('activity', {
    project_id: project.id,
    investor_id: project.investorId,
    kind: 'fair',
    occurred_on: capture.capturedOn,
    people: capture.contactName,
    notes: [capture.fairEdition, capture.interest, capture.note].filter(Boolean).join('；') || null,
  });
}

function openCapture(tx: Tx, id: string): CaptureRecord {
  const capture = getCapture(tx, id);
  if (capture.status !== 'new') throw new AppError('VALIDATION', '这条速记已经处理过');
  return capture;
}

function getCapture(tx: Tx, id: string): CaptureRecord {
  const row = tx.sql.prepare('SELECT * FROM capture WHERE id = ? AND deleted = 0').get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw new AppError('NOT_FOUND', `速记 ${id}`);
  return fromRow<CaptureRecord>(row);
}
