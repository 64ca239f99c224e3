// Progress of the one long job a window may be running (an Excel import or export, the 月报, a sync
// file, a backup or restore, the demo data), for the window to show while it waits.

export interface JobProgress {
  /** What runs, in Chinese (导入同步文件, 导出台账 …). */
  job: string;
  phase: string;
  done: number;
  /** 0 while the size is not known yet. */
  total: number;
}
