// A project's change history as the 变更记录 tab shows it: one entry per field edit.

/** One field's edit, read from the change log. */
export interface HistoryEntry {
  hlc: string;
  /** When the change was made (ISO time, from its clock). */
  at: string;
  author: string | null;
  field: string;
  label: string;
  from: string | number | boolean | null;
  to: string | number | boolean | null;
}
