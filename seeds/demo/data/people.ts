// People's names: Chinese surnames and given-name characters (with pinyin for WeChat ids), the
// foreign staff met at investors' headquarters, mobile prefixes and contacts' job titles.
import { syllables } from './word-list';
import type { Named } from './word-list';

export const surnames: readonly Named[] = syllables(
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo ' +
    '何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng ' +
    '曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su 魏wei 吕lv ' +
    '丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi 廖liao 贾jia ' +
    '夏xia 方fang 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 顾gu 钱qian 严yan 戴dai 俞yu 褚chu 屠tu 施shi',
);

export const givenChars: readonly Named[] = syllables(
  '伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 涛tao 明ming 超chao ' +
    '秀xiu 霞xia 平ping 刚gang 华hua 建jian 文wen 辉hui 玲ling 鹏peng 斌bin 宇yu 浩hao 凯kai 健jian ' +
    '俊jun 帆fan 婷ting 雪xue 琳lin 晨chen 欣xin 悦yue 佳jia 颖ying 思si 睿rui 博bo 毅yi 晓xiao 立li ' +
    '志zhi 国guo 海hai 红hong 晶jing 慧hui 振zhen 宁ning 东dong 峰feng 亮liang 嘉jia 梓zi 子zi 一yi ' +
    '天tian 晴qing 然ran 诚cheng 君jun 德de 永yong 春chun 燕yan',
);

export type NameStyle = 'zh' | 'de' | 'jp' | 'kr' | 'west' | 'other';

// Foreign staff met at headquarters; Japanese and Korean names in the characters used on their cards.
export const foreignPeople: Record<Exclude<NameStyle, 'zh'>, readonly Named[]> = {
  de: [
    ['Thomas Müller', 'thomas'],
    ['Stefan Becker', 'stefan'],
    ['Andreas Schmidt', 'andreas'],
    ['Katrin Wolf', 'katrin'],
    ['Michael Braun', 'michael'],
    ['Julia Hoffmann', 'julia'],
  ],
  jp: [
    ['田中健二', 'tanaka'],
    ['佐藤浩一', 'sato'],
    ['铃木一郎', 'suzuki'],
    ['山本真理', 'yamamoto'],
    ['渡边隆', 'watanabe'],
  ],
  kr: [
    ['金敏俊', 'minjun'],
    ['朴志勋', 'jihoon'],
    ['李贤宇', 'hyunwoo'],
    ['崔秀妍', 'sooyeon'],
  ],
  west: [
    ['John Miller', 'john'],
    ['Sarah Johnson', 'sarah'],
    ['David Brown', 'david'],
    ['Pierre Laurent', 'pierre'],
    ['Marco Rossi', 'marco'],
    ['Anna Svensson', 'anna'],
  ],
  other: [
    ['Rajesh Kumar', 'rajesh'],
    ['Ahmed Hassan', 'ahmed'],
    ['Somchai Chaiyaporn', 'somchai'],
    ['James Tan', 'jamestan'],
  ],
};

export const mobilePrefixes = [
  '130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159',
  '177', '180', '185', '186', '187', '188', '189', '199',
]; // prettier-ignore

export const contactTitlesForeign = [
  '中国区总裁',
  '亚太区副总裁',
  '投资发展总监',
  '战略规划部经理',
  '中国区财务总监',
  '工厂总经理',
  '项目经理',
  '政府事务总监',
];
export const contactTitlesDomestic = [
  '董事长',
  '总经理',
  '副总经理',
  '投资部总监',
  '董事会秘书',
  '项目负责人',
  '战略发展部部长',
];
