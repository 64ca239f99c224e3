// A zone a file can be dropped on, with a 「选择文件……」 button for the file dialog: the 同步
// screen's import and the Excel ledger import. `onFile` hears the dropped or chosen file.
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';

interface Props {
  /** The zone's class; `${className}-over` is added while a file is dragged over it. */
  className: string;
  busy: boolean;
  /** File extensions the dialog offers, e.g. ".zsync" or ".xlsx,.csv". */
  accept: string;
  /** The hidden file input's accessible name. */
  inputLabel: string;
  onFile: (file: File | undefined) => void;
  /** What the zone says above the button: a prompt, or what is happening. */
  children: ReactNode;
}

export function FileDropZone({ className, busy, accept, inputLabel, onFile, children }: Props) {
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div
      className={`${className}${dragging ? ` ${className}-over` : ''}`}
      aria-busy={busy}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFile(e.dataTransfer.files[0]);
      }}
    >
      {children}
      <button
        type="button"
        className="primary-button"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        选择文件……
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        aria-label={inputLabel}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          onFile(file);
        }}
      />
    </div>
  );
}
