// 「发现 3 组疑似重复，去核对」 under an import's report: records that arrived may be ones this office
// entered too (the same investor typed in two offices while offline). Nothing when there are none.
import { call } from '../api/client';
import { GoButton } from '../ui/GoButton';
import { useLoad } from '../ui/use-load';

/** `after`: what the count is read after (the imported file), read again when it changes. */
export function SuspectsLink({ after, className }: { after: string; className?: string }) {
  const found = useLoad(() => call('suspects.list', {}), [after]);
  const count = found.data?.suspects.length ?? 0;
  if (count === 0) return null;
  return (
    <p className={className} role="status">
      发现 {count}
      {found.data?.truncated ? ' 多' : ''} 组疑似重复，
      <GoButton className="link-button" to={{ screen: 'suspects' }}>
        去核对
      </GoButton>
    </p>
  );
}
