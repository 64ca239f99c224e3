// How a capture reads in the triage list: its status in Chinese, its day, and its contact line.
import { format, isValid, parseISO } from 'date-fns';
import { zhCN } from 'date-fns/locale';
import type { CaptureRecord, CaptureStatus } from '../../../domain/captures';

export const statusLabels: Record<CaptureStatus, string> = {
  new: '待处理',
  converted: '已转为项目',
  attached: '已归入项目',
  dismissed: '已忽略',
};

/** 2021-06-12 → 6月12日 周六 */
export function capturedDay(iso: string): string {
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'M月d日 EEE', { locale: zhCN }) : iso;
}

/** 联系人 · 电话 · 微信, whichever were noted. */
export function contactLine(capture: CaptureRecord): string {
  return [
    capture.contactName,
    capture.phone ? `电话 ${capture.phone}` : null,
    capture.wechat ? `微信 ${capture.wechat}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
