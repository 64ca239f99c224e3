// 展会速记: quick captures taken at a trade fair, later turned into a project or attached to one.
import { z } from 'zod';
import { isoDate, recordId, strictObject, text } from './fields';

export const captureCreate = strictObject({
  investorName: text('投资方', 200).min(1, '请填写投资方'),
  contactName: text('联系人', 50).nullable().optional(),
  phone: text('电话', 50).nullable().optional(),
  wechat: text('微信', 50).nullable().optional(),
  interest: text('投资意向', 500).nullable().optional(),
  fairEdition: text('展会届次', 100).nullable().optional(),
  note: text('备注', 2000).nullable().optional(),
  capturedOn: isoDate('记录日期').optional(),
});
export type CaptureStatus = 'new' | 'converted' | 'attached' | 'dismissed';
export interface CaptureRecord {
  id: string;
  capturedOn: string;
  investorName: string;
  contactName: string | null;
  phone: string | null;
  wechat: string | null;
  interest: string | null;
  fairEdition: string | null;
  note: string | null;
  status: CaptureStatus;
  projectId: string | null;
}
export const captureListInput = strictObject({
  status: z.enum(['new', 'converted', 'attached', 'dismissed']).optional(),
});
export const captureConvertInput = strictObject({
  id: recordId('速记'),
  projectName: text('项目名称').min(1).optional(),
  /** An existing investor chosen instead of the captured name (the 撞单 warning's 使用此投资方). */
  investorId: recordId('投资方').optional(),
});
export const captureAttachInput = strictObject({
  id: recordId('速记'),
  projectId: recordId('项目'),
});
