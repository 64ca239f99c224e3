// The palette's results as one list the arrow keys walk (projects first, then investors), each
// knowing the place it opens.
import type { QuickSearchResult } from '../../../domain/search';
import type { Place } from '../shell/navigation';

export interface SearchOption {
  key: string;
  group: 'projects' | 'investors';
  title: string;
  /** Beside the title: code and investor of a project, English name of an investor. */
  detail: string | null;
  place: Place;
}

export const groupLabels: Record<SearchOption['group'], string> = {
  projects: '项目',
  investors: '投资方',
};

export function searchOptions(result: QuickSearchResult): SearchOption[] {
  return [
    ...result.projects.map((p): SearchOption => ({
      key: `project-${p.id}`,
      group: 'projects',
      title: p.name,
      detail: [p.code, p.investor].filter(Boolean).join(' · ') || null,
      place: { screen: 'project', id: p.id },
    })),
    ...result.investors.map((i): SearchOption => ({
      key: `investor-${i.id}`,
      group: 'investors',
      title: i.nameZh,
      detail: i.nameEn,
      place: { screen: 'investor', id: i.id },
    })),
  ];
}
