// What a tab shows instead of its list: loading, the error, or the empty state saying what to do.
import type { Records } from './use-records';

export function TabStatus<T>({ list, empty }: { list: Records<T>; empty: string }) {
  if (list.error) {
    return (
      <div className="error-banner" role="alert">
        <span>{list.error}</span>
        <button type="button" className="link-button" onClick={list.reload}>
          重试
        </button>
      </div>
    );
  }
  if (list.items === null) return <p className="tab-loading">正在加载……</p>;
  if (list.items.length === 0) return <p className="tab-empty">{empty}</p>;
  return null;
}
