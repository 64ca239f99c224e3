// A figure of the 看板 that opens the list of the projects it counts.
import type { ReactNode } from 'react';
import type { DrillRequest } from './drill';
import { useDrill } from './drill';

interface Props {
  request: DrillRequest;
  children: ReactNode;
  className?: string;
}

export function DrillNumber({ request, children, className }: Props) {
  const drill = useDrill();
  return (
    <button
      type="button"
      className={className ? `dash-number ${className}` : 'dash-number'}
      title={`查看：${request.title}`}
      onClick={() => drill(request)}
    >
      {children}
    </button>
  );
}

/** A number cell of a 看板 table that opens its projects. */
export function DrillCell(props: Props) {
  return (
    <td className="num">
      <DrillNumber {...props} />
    </td>
  );
}
