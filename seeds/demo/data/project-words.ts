// What promoters write about projects: agents, termination reasons, problems and next steps by stage,
// follow-up task titles, and the words of activity notes.
import type { Stage } from '../../../domain/lifecycle';

export const agents = [
  '仲量联行',
  '世邦魏理仕',
  '戴德梁行',
  '高力国际',
  '第一太平戴维斯',
  '德国工商大会（AHK）',
  '日本贸易振兴机构（JETRO）',
  '韩国贸易投资振兴公社（KOTRA）',
  '上海启航投资咨询有限公司',
  '深圳前海湾区招商服务有限公司',
];

export const terminationReasons = [
  '投资方战略调整，项目暂缓',
  '项目落户周边城市',
  '用地指标无法满足企业需求',
  '能耗指标不足',
  '环评未能通过',
  '企业资金链紧张，无力继续推进',
  '受疫情影响，投资计划取消',
  '母公司被收购，项目取消',
  '投资强度未达准入标准',
];

export const problemsByStage: Partial<Record<Stage, readonly string[]>> = {
  negotiating: [
    '土地指标待落实',
    '企业对用地价格有顾虑',
    '与周边园区竞争激烈',
    '能耗指标需统筹',
    '投资强度未达准入标准',
    '企业总部决策周期较长',
  ],
  signed: ['注册资本到位计划待明确', '企业内部审批流程较长', '外资备案材料待补充'],
  registered: ['土地指标待落实', '规划条件调整中', '土地征迁尚未完成', '环评审批中'],
  land_supplied: ['施工许可证办理中', '施工图审查中', '环评审批中', '能评审批中'],
  started: ['施工进度滞后', '设备进口通关周期长', '用工紧张', '建材价格上涨影响进度'],
  completed: ['消防验收待完成', '生产许可待办理', '配套电力增容待落实'],
  producing: ['达产进度偏慢', '人才公寓需求较大', '物流配套有待完善'],
};

export const nextStepsByStage: Partial<Record<Stage, readonly string[]>> = {
  lead: ['收集企业资料，争取首次拜访', '通过商会了解企业投资意向', '邀请企业参加经贸洽谈会'],
  negotiating: [
    '下周赴{city}总部洽谈',
    '安排管委会领导拜访企业',
    '准备投资协议初稿',
    '组织企业赴现场踏勘',
    '报送项目预审材料',
  ],
  signed: ['协助企业办理注册登记', '督促注册资本到位', '对接项目备案'],
  registered: ['推动土地挂牌出让', '协调规划条件', '协助办理能评手续'],
  land_supplied: ['倒排开工计划', '协助办理施工许可', '组织图纸联审'],
  started: ['每周跟踪施工进度', '协调水电气配套', '跟进设备进场'],
  completed: ['协助办理竣工验收', '对接投产准备', '协助企业招聘'],
  producing: ['跟踪达产情况', '对接增资扩产意向', '协助申报高新技术企业'],
};

export const taskTitlesByStage: Record<Stage, readonly string[]> = {
  lead: ['收集企业基本情况', '争取与企业高层首次会面', '梳理企业投资意向'],
  negotiating: [
    '准备投资协议文本',
    '安排领导拜访企业总部',
    '测算项目用地需求',
    '报送项目预审材料',
    '组织企业实地考察',
  ],
  signed: ['协助办理工商注册', '跟进注册资本到位', '对接项目备案'],
  registered: ['对接土地指标', '协调土地挂牌出让', '协助办理能评'],
  land_supplied: ['协调施工许可证办理', '跟进施工图审查', '推动项目开工'],
  started: ['督促施工进度', '协调水电气配套', '跟进设备进场'],
  completed: ['协助竣工验收', '跟进投产准备', '协调人员招聘'],
  producing: ['回访企业生产经营情况', '对接二期扩产需求', '协助申报高新技术企业'],
  terminated: ['整理项目终止材料', '回访企业了解终止原因'],
};

export const meetingTopics = [
  '投资协议条款',
  '用地规划',
  '供地时序',
  '产业扶持政策',
  '注册资本到位计划',
  '项目建设进度',
];
export const callTopics = [
  '项目进展',
  '用地需求',
  '董事会审批进度',
  '注册资本到位安排',
  '施工进度',
];
export const pitches = [
  '产业政策',
  '载体资源',
  '营商环境',
  '人才政策',
  '产业链配套',
  '土地供应情况',
];
export const plans = ['在华投资布局', '产能扩张计划', '新项目选址考虑', '供应链本地化计划'];
export const leaders = ['管委会主任', '管委会副主任', '招商局局长', '区委书记'];
