// Errors on screen: a line saying why an action failed, and the banner of a read that failed with
// 「重试」. Nothing when there is no error.
import type { ReactNode } from 'react';

interface LineProps {
  error: string | null | undefined;
  /** Before the message: '恢复失败：'. */
  prefix?: ReactNode;
  className?: string;
  /** A span, for a line among buttons. */
  inline?: boolean;
  /** A failed read: 「重试」 after the message. */
  onRetry?: () => void;
}

export function ErrorText({ error, prefix, className = 'error-text', inline, onRetry }: LineProps) {
  if (!error) return null;
  const Line = inline ? 'span' : 'p';
  return (
    <Line role="alert" className={className}>
      {prefix}
      {error}
      {onRetry ? (
        <>
          {' '}
          <RetryButton onRetry={onRetry} />
        </>
      ) : null}
    </Line>
  );
}

function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" className="link-button" onClick={onRetry}>
      重试
    </button>
  );
}

interface BannerProps {
  error: string | null | undefined;
  prefix?: ReactNode;
  onRetry?: () => void;
}

export function ErrorBanner({ error, prefix, onRetry }: BannerProps) {
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      {onRetry ? (
        <>
          <span>
            {prefix}
            {error}
          </span>
          <RetryButton onRetry={onRetry} />
        </>
      ) : (
        <>
          {prefix}
          {error}
        </>
      )}
    </div>
  );
}
