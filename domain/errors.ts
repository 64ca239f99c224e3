// Every error the app can report to a user: a stable code and its one Chinese message.
// Services throw AppError inside a transaction (so it rolls back); transports turn it into a result value.

export const errorMessages = {
  VALIDATION: '输入有误',
  BAD_JSON: 'JSON 格式错误，无法解析',
  UNKNOWN_METHOD: '未知的接口方法',
  NOT_FOUND: '记录不存在或已删除',
  NOT_DELETED: '这条记录没有被删除（可能已经撤销过），无需恢复',
  OWNER_DELETED: '它所属的记录已被删除，请先恢复所属的记录',
  INVESTOR_HAS_PROJECTS: '投资方名下还有项目，不能删除',
  PARENT_NOT_FOUND: '找不到母公司（请填写已录入投资方的编号或中文名称）',
  PARENT_CYCLE: '母公司不能是该投资方自己或其下属企业',
  MERGE_SAME: '不能把一条记录合并到它自己',
  MERGE_FIELD: '合并时选取的字段不存在或不能选取',
  CLAIM_SHARES: '同一投资方或项目的以商引商、委托招商分成合计不能超过 100%',
  MERGE_KIND: '只能合并同一类记录（投资方与投资方、项目与项目、联系人与联系人）',
  NOT_MERGED: '这条记录没有被合并（可能已经撤销过），无需撤销',
  MERGED_AWAY: '这条记录已合并到另一条记录，请改用保留的记录；如需分开，请先撤销合并',
  NOT_INITIALIZED: '数据库尚未初始化，请先完成首次设置',
  ALREADY_INITIALIZED: '数据库已经初始化过',
  FORBIDDEN_SENDER: '拒绝来自非应用窗口的请求',
  FILE_NOT_CHOSEN:
    '文件须在本应用的文件对话框中选择（窗口不能直接指定路径，或所选文件已失效），请重新选择',
  BACKUP_FAILED: '备份失败，数据库未受影响',
  BACKUP_INVALID: '备份文件已损坏或不是本应用的数据库',
  BACKUP_NEWER: '备份来自更新版本的应用，请先升级本应用再恢复',
  RESTORE_FAILED: '恢复失败，已还原为恢复前的数据库',
  DEMO_EXISTS: '这组演示数据已经加载过，请换一个随机种子',
  FILE_NOT_FOUND: '找不到文件',
  FILE_TOO_LARGE: '文件过大，不是有效的同步文件',
  NOT_SYNC_FILE: '不是同步文件（.zsync）',
  FILE_TRUNCATED: '同步文件不完整（可能拷贝中断），请重新拷贝或让对方重新导出；数据库未改动',
  FILE_CORRUPT: '同步文件已损坏，请让对方重新导出；数据库未改动',
  PASSPHRASE_REQUIRED: '该同步文件已加密，请输入口令',
  BAD_PASSPHRASE: '口令错误，无法解密同步文件；数据库未改动',
  NEEDS_UPGRADE: '同步文件来自更新版本的应用，请先升级本应用再导入；数据库未改动',
  CLOCK_DRIFT: '同步文件中的修改时间远超本机时钟，请核对发送方电脑的日期和时间；数据库未改动',
  ORIGIN_SEQ_REUSE:
    '同步文件与已导入的数据编号冲突（同一来源、同一序号、内容不同），导入已取消；数据库未改动',
  SYNC_VALUE_INVALID:
    '同步文件中有不符合填写要求的数据，导入已取消，请让对方在 同步 → 数据体检 中修复该记录后重新导出；数据库未改动',
  ZONE_MISMATCH: '文件来自另一个分区，不能使用；数据库未改动',
  FILE_UNAUTHENTICATED:
    '同步文件的签名无法验证（不是本分区成员制作，或内容被改动），导入已取消；数据库未改动',
  FILE_KEY_MISSING:
    '本机没有这个同步文件所用的文件密钥（本部已更换文件密钥，本机尚未获得；已吊销的电脑不再获得）：请先给本部发一份本机的同步文件，再导入本部此后发来的文件；数据库未改动',
  ORIGIN_OWN: '同步文件冒用本机的站点编号写入了本机没有的变更，导入已取消；数据库未改动',
  SEQ_OUT_OF_RANGE: '同步文件中的变更序号超出发送方签名的范围，导入已取消；数据库未改动',
  FILE_ID_REUSED:
    '同步文件的编号与已导入的另一个文件相同而内容不同，导入已取消；请让对方重新导出；数据库未改动',
  ORIGIN_FORK:
    '同步文件与已收到的同一站点的变更不一致（同一序号、不同历史），导入已取消；数据库未改动',
  LEGACY_FILE:
    '旧格式同步文件（未加入分区的版本制作），请对方升级并加入分区后重新导出；数据库未改动',
  SEQ_EXHAUSTED:
    '本机的变更序号已用尽，未保存：请复制数据库后在新电脑上加入分区（将获得新的站点编号）',
  HQ_ONLY:
    '年度目标、汇率、落地率和五未规则、字典及首报首谈认定由本部统一维护，驻点电脑不能修改；如需调整，请向本部提出建议',
  ZONE_NOT_CREATED: '本机还没有创建分区：请先在 同步 → 分区 中创建，再制作邀请',
  ZONE_NOT_HQ: '只有本部的电脑可以执行此操作',
  ZONE_ALREADY_JOINED: '本机已加入分区，不能再创建或加入其他分区',
  DEMO_IN_REAL_ZONE:
    '本机已加入正式分区，不能加载演示数据：演示数据只能放在未加入分区的数据库中，以免随同步文件传到各驻点',
  ZONE_DEMO: '本机装有演示数据，不能创建或加入正式分区：请先点页面底部的「清除演示数据」',
  NOT_DEMO: '本机没有演示数据，无需清除',
  INVITATION_INVALID: '不是有效的分区邀请文件',
  INVITATION_BAD_PASSPHRASE: '邀请口令错误，无法打开分区邀请',
  SITE_NOT_FOUND: '分区中没有这台电脑（站点编号）',
  UNKNOWN_PEER: '未知的同步对象，请填写驻点名称或站点编号',
  EXPORT_FAILED: '导出失败，未生成同步文件',
  INVITATION_WRITE_FAILED: '邀请文件未能写入，请换一个位置再试',
  SNAPSHOT_NOT_INCREMENTAL:
    '这是快照文件，只能在新电脑加入分区时使用（init --snapshot），不能作为同步文件导入；数据库未改动',
  NOT_SNAPSHOT: '不是快照文件：请让本部用「snapshot --out 文件」制作快照；数据库未改动',
  SNAPSHOT_NOT_EMPTY:
    '本机数据库已有数据，不能载入快照：快照只用于新电脑加入分区，已有数据的电脑请导入同步文件；数据库未改动',
  SNAPSHOT_INVALID: '快照文件内容无效，未载入，请让本部重新制作快照；数据库未改动',
  DATABASE_BUSY: '数据库正在载入快照，请稍候几秒再试；本次操作未执行',
  CONFLICT_NOT_FOUND: '冲突不存在或已处理',
  SHEET_UNREADABLE: '无法读取表格文件，数据库未改动',
  SHEET_OLD_FORMAT:
    '不支持旧版 .xls 或 WPS .et 格式：请在 Excel 或 WPS 中「另存为」.xlsx 工作簿后再导入；数据库未改动',
  SHEET_TOO_LARGE: '表格超出导入上限，数据库未改动',
  SHEET_ENCODING: 'CSV 文件的编码不受支持，数据库未改动',
  SHEET_NO_HEADER:
    '找不到台账表头：表格前 30 行中须有一行列名，至少包含「项目名称」和另一个可识别的列；数据库未改动',
  IMPORT_NOT_FOUND: '没有这条导入记录',
  IMPORT_ALREADY_UNDONE: '这次导入已经撤销过',
  IMPORT_NOT_UNDOABLE: '只能撤销最近 10 次带来新变更的导入',
  IMPORT_EXPIRED: '导入预览已失效（可能已导入或应用已重启），请重新选择文件',
  IMPORT_CHANGED:
    '预览之后项目数据有变化（可能刚同步或有人修改），为免覆盖，本次未写入：请重新选择文件预览',
  LEDGER_EXPORT_FAILED: '导出失败，未生成文件',
  OUTPUT_IS_DATABASE:
    '不能写到数据库文件上（本机数据库、备份或其他电脑的数据库），请换一个文件名；未写入任何文件',
  OUTPUT_IS_FOLDER: '这是一个文件夹，请给出文件名；未写入任何文件',
  OUTPUT_FOLDER_MISSING: '保存位置的文件夹不存在；未写入任何文件',
  INTERNAL: '内部错误，操作未保存',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${errorMessages[code]}：${detail}` : errorMessages[code]);
    this.code = code;
    this.name = 'AppError';
  }
}

export type ApiOk<T> = { ok: true; data: T };
export type ApiErr = { ok: false; code: ErrorCode; message: string };
export type ApiResult<T> = ApiOk<T> | ApiErr;
