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

/** `search TEXT`: projects, investors and contacts, best first (db/services/search.ts). */
export const searchInput = strictObject({
  q: text('搜索词', 100).min(1, '请填写搜索词'),
  limit: z
    .number({ error: '条数须为数字' })
    .int('条数须为整数')
    .min(1, '条数至少为 1')
    .max(200, '条数最多为 200')
    .default(20),
});
/** How a hit matched, best first: a code exactly, its name's start, inside its name, elsewhere. */
export type SearchMatch = 'code' | 'prefix' | 'contains' | 'other';
export interface SearchHit {
  kind: 'project' | 'investor' | 'contact';
  id: string;
  name: string;
  /** The project's office (a contact's: its project's); null for investors. */
  office: string | null;
  /** The project's own 项目编号 (a contact's: its project's). */
  code: string | null;
  /** The project's national 项目代码. */
  projectCode: string | null;
  /** The investor's 统一社会信用代码. */
  creditCode: string | null;
  /** The investor's Chinese name, for a project or a contact. */
  investor: string | null;
  match: SearchMatch;
}
export interface SearchResults {
  results: SearchHit[];
}

export const similarInput = strictObject({
  name: text('投资方名称').min(1, '请填写投资方名称'),
  /** 统一社会信用代码 as typed: an investor holding the same code is the same, whatever its names. */
  creditCode: z.string().max(100).nullable().optional(),
  excludeId: z.string().optional(),
});
export interface SimilarInvestor {
  id: string;
  nameZh: string;
  nameEn: string | null;
  /** The existing name the new one resembles (Chinese, English or an alias), or the credit code. */
  matchedOn: string;
  /** The same 统一社会信用代码: certainly the same investor. */
  sameCreditCode: boolean;
  projectCount: number;
  /** Who already holds it: its 首报首谈 holder, then its projects' offices and promoters. */
  holders: InvestorHolder[];
}
/** One office and promoter holding an existing investor, and through what. */
export interface InvestorHolder {
  /** 'claim': its 首报首谈 holder claim; 'project': its live projects. */
  source: 'claim' | 'project';
  /** The office's label (上海), or null when none is named. */
  office: string | null;
  promoter: string | null;
  /** The projects behind a 'project' holder; 0 for a claim. */
  projects: number;
  /** A claim's 首报日期, and whether 本部 decided it (else it was first by the zone clock). */
  claimedOn?: string | null;
  decided?: boolean;
}
