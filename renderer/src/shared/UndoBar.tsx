// 「已删除项目「…」及其 3 条跟进事项  撤销」 at the bottom of the window for some seconds after a
// delete, on whichever screen shows meanwhile (undo-store.ts). 撤销 brings the record back with what
// went with it; a restored project or investor opens, restored rows reappear in their lists.
// Hovering or focusing the bar keeps it open.
import { useEffect, useState } from 'react';
import { countsText, deletedText, kindLabels } from '../../../domain/deletion';
import { useNavigate } from '../shell/navigation';
import { closeOffer, undoOffer, useUndoOffer } from './undo-store';
import './undo-bar.css';

/** How long the offer stays, and how long 「已恢复」 is shown. */
export const UNDO_SHOWN_MS = 10_000;
const RESTORED_SHOWN_MS = 4_000;

export function UndoBar() {
  const offer = useUndoOffer();
  const navigate = useNavigate();
  const [held, setHeld] = useState(false);
  const key = offer?.key;
  const phase = offer?.phase;

  useEffect(() => {
    if (key === undefined || held || phase === 'restoring' || phase === 'failed') return;
    const timer = setTimeout(
      () => closeOffer(key),
      phase === 'restored' ? RESTORED_SHOWN_MS : UNDO_SHOWN_MS,
    );
    return () => clearTimeout(timer);
  }, [key, phase, held]);

  if (!offer) return null;
  const what = deletedText(offer.result);
  const withIt = countsText(offer.result.goesWith);
  const undo = async () => {
    const back = await undoOffer(offer.key);
    if (back?.kind === 'project') navigate({ screen: 'project', id: back.id });
    if (back?.kind === 'investor') navigate({ screen: 'investor', id: back.id });
  };

  return (
    <div
      className={`undo-bar${offer.phase === 'failed' ? ' failed' : ''}`}
      role="status"
      aria-label="撤销删除"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {offer.phase === 'failed' ? (
        <span className="undo-bar-text wrap">撤销失败：{offer.error}</span>
      ) : (
        // A long name is cut, never what went with it.
        <span className="undo-bar-text" title={what}>
          <span className="undo-bar-fixed">
            {offer.phase === 'restored' ? '已恢复' : '已删除'}
            {kindLabels[offer.result.kind]}「
          </span>
          <span className="undo-bar-name">{offer.result.name}</span>
          <span className="undo-bar-fixed">」{withIt ? `及其 ${withIt}` : ''}</span>
        </span>
      )}
      {offer.phase === 'deleted' || offer.phase === 'restoring' || offer.phase === 'failed' ? (
        <button
          type="button"
          className="undo-bar-button"
          disabled={offer.phase === 'restoring'}
          onClick={() => void undo()}
        >
          {offer.phase === 'restoring' ? '正在撤销……' : offer.phase === 'failed' ? '重试' : '撤销'}
        </button>
      ) : null}
      <button
        type="button"
        className="undo-bar-close"
        aria-label="关闭"
        title="关闭"
        disabled={offer.phase === 'restoring'}
        onClick={() => closeOffer(offer.key)}
      >
        ×
      </button>
    </div>
  );
}
