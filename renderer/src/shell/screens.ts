// The app's screens in navigation order, each with what it is for in one sentence.

export type ScreenKey =
  'dashboard' | 'ledger' | 'followups' | 'investors' | 'fairNotes' | 'sync' | 'settings';

export interface Screen {
  key: ScreenKey;
  label: string;
  /** What the screen is for, in one sentence a promoter understands. */
  purpose: string;
}

export const screens: readonly Screen[] = [
  {
    key: 'dashboard',
    label: '看板',
    purpose:
      '年度目标完成情况一览：签约项目数、总投资、合同外资的序时进度和落地率，可按驻点和来源地区查看。',
  },
  {
    key: 'ledger',
    label: '台账',
    purpose: '全部项目的台账，可筛选、排序、汇总，导入和导出 Excel。',
  },
  {
    key: 'followups',
    label: '跟进',
    purpose: '拜访、来访、考察等跟进记录和待办提醒，列出逾期未跟进的项目。',
  },
  {
    key: 'investors',
    label: '投资方',
    purpose: '投资方档案：企业信息、联系人、世界 500 强等标签，以及每家投资方的全部项目。',
  },
  {
    key: 'fairNotes',
    label: '展会速记',
    purpose: '在展会现场快速记下洽谈对象和线索，会后一键转为项目。',
  },
  {
    key: 'sync',
    label: '同步',
    purpose: '与本部及其他驻点交换数据文件（无需联网），查看同步记录和冲突。',
  },
  {
    key: 'settings',
    label: '设置',
    purpose:
      '首次设置、字典维护（承接平台、产业、展会届次）、汇率和落地规则，以及数据库备份与恢复。',
  },
];
