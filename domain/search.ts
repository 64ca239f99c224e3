// Search inputs and answers: the quick search (Ctrl+K) and the 撞单 check's similar investors.
import { z } from 'zod';
import { strictObject, text } from './fields';

export const quickSearchInput = strictObject({
  q: text('搜索词', 100),
  limit: z.number().int().min(1).max(50).default(8),
});
export interface QuickSearchResult {
  projects: { id: string; name: string; code: string | null; investor: string | null }[];
  investors: { id: string; nameZh: string; nameEn: string | null }[];
}

export const similarInput = strictObject({
  name: text('投资方名称').min(1, '请填写投资方名称'),
  excludeId: z.string().optional(),
});
export interface SimilarInvestor {
  id: string;
  nameZh: string;
  nameEn: string | null;
  /** The existing name the new one resembles (Chinese, English or an alias). */
  matchedOn: string;
  projectCount: number;
}
