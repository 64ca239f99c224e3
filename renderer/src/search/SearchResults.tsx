// The palette's matches, grouped 项目 / 投资方, as one listbox whose options the input's arrow keys
// walk; or what to type, that nothing matched, or why the search failed.
import type { Place } from '../shell/navigation';
import type { SearchOption } from './search-options';
import { groupLabels } from './search-options';
import type { QuickSearch } from './use-quick-search';

interface Props {
  search: QuickSearch;
  options: SearchOption[];
  active: number;
  onHover: (index: number) => void;
  onOpen: (place: Place) => void;
}

export function SearchResults({ search, options, active, onHover, onOpen }: Props) {
  if (search.error) {
    return (
      <p role="alert" className="search-palette-message search-palette-error">
        {search.error}
      </p>
    );
  }
  if (search.answered === '') {
    return (
      <p className="search-palette-message">
        {search.pending
          ? '正在搜索……'
          : '输入项目名称、投资方的中文或英文名称、简称或项目编号，按 Enter 打开。'}
      </p>
    );
  }
  if (options.length === 0) {
    return (
      <p className="search-palette-message">
        {search.pending
          ? '正在搜索……'
          : `没有找到与「${search.answered}」相关的项目或投资方。换个关键词试试，例如英文名称或简称。`}
      </p>
    );
  }

  const groups = (['projects', 'investors'] as const)
    .map((group) => ({
      group,
      items: options
        .map((option, index) => ({ option, index }))
        .filter((o) => o.option.group === group),
    }))
    .filter((g) => g.items.length > 0);

  return (
    <div
      id="search-palette-results"
      role="listbox"
      aria-label="搜索结果"
      className="search-palette-results"
    >
      {groups.map(({ group, items }) => (
        <div key={group} role="group" aria-labelledby={`search-group-${group}`}>
          <div id={`search-group-${group}`} className="search-palette-group" role="presentation">
            {groupLabels[group]}
          </div>
          {items.map(({ option, index }) => (
            <div
              key={option.key}
              id={`search-option-${index}`}
              role="option"
              aria-selected={index === active}
              className="match search-palette-option"
              onMouseMove={() => index !== active && onHover(index)}
              // Keeps focus in the input, so the arrow keys go on working after a click elsewhere.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onOpen(option.place)}
            >
              <span className="match-name search-palette-title" title={option.title}>
                {option.title}
              </span>
              {option.detail ? (
                <span className="match-meta" title={option.detail}>
                  {option.detail}
                </span>
              ) : null}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
