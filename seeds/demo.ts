// Deterministic demo data: promoters, investors and projects with their contacts, activities, tasks and
// capital arrivals, as rows of the synced tables (snake_case columns of db/synced-tables.ts). Pure: the
// seed and the as-of date decide everything (no clock, no Math.random), so the same options always
// yield the same rows and the same UUIDv7 ids. Dates are day numbers (days since 1970-01-01) until
// they are written out through a precomputed day → 'YYYY-MM-DD' table.
import { v7 as uuidv7 } from 'uuid';
import { YI } from '../domain/classify';
import type { Tier } from '../domain/classify';
import { countryByCode } from '../domain/countries';
import type { Region } from '../domain/countries';
import { isRealIsoDate } from '../domain/dates';
import { milestones } from '../domain/lifecycle';
import type { Stage } from '../domain/lifecycle';
import { officeKeys } from '../domain/vocabulary';
import type { ActivityKind, OfficeKey, Ownership, Province } from '../domain/vocabulary';
import { defaultUsdCnyRates, fairEditions, industries, platforms } from './dictionaries';

export interface DemoOptions {
  projects: number;
  seed: number;
  /** ISO date the data is "as of", default '2021-06-30' */
  asOf?: string;
}
export type DemoTable =
  'promoter' | 'investor' | 'contact' | 'project' | 'activity' | 'task' | 'capital_arrival';
export interface DemoRow {
  table: DemoTable;
  id: string;
  fields: Record<string, string | number | null>;
}

const DEFAULT_AS_OF = '2021-06-30';

// ---------------------------------------------------------------------------------------------------
// Seeded PRNG: sfc32 (128-bit state) seeded through splitmix32.

class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = (seed >>> 0) ^ (Math.floor(seed / 4294967296) >>> 0);
    const mix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform uint32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
}

/** Picks indices (or items) by weight; weights need not sum to 1. */
class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += weights[i] ?? 0;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    const last = this.items.length - 1;
    for (let i = 0; i < last; i++) {
      if (x < (this.cumulative[i] as number)) return this.items[i] as T;
    }
    return this.items[last] as T;
  }
}

function weighted<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
  return new Weighted(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}

// ---------------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'YYYY-MM-DD' and the year of every day in [first, first + count). */
class Calendar {
  private readonly iso: string[];
  private readonly years: Int16Array;

  constructor(
    readonly first: number,
    count: number,
    y: number,
    m: number,
    d: number,
  ) {
    this.iso = new Array<string>(count);
    this.years = new Int16Array(count);
    for (let i = 0; i < count; i++) {
      this.iso[i] = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
      this.years[i] = y;
      const length = m === 2 && isLeap(y) ? 29 : (monthDays[m - 1] as number);
      if (++d > length) {
        d = 1;
        if (++m > 12) {
          m = 1;
          y++;
        }
      }
    }
  }

  get last(): number {
    return this.first + this.iso.length - 1;
  }

  iso8601(day: number): string {
    const s = this.iso[day - this.first];
    if (s === undefined) throw new RangeError(`Demo day ${day} outside the calendar`);
    return s;
  }

  year(day: number): number {
    return this.years[day - this.first] as number;
  }
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------------
// People.

type Named = readonly [zh: string, pinyin: string];

const surnames: readonly Named[] = split(
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo ' +
    '何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng ' +
    '曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su 魏wei 吕lv ' +
    '丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi 廖liao 贾jia ' +
    '夏xia 方fang 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 顾gu 钱qian 严yan 戴dai 俞yu 褚chu 屠tu 施shi',
);

const givenChars: readonly Named[] = split(
  '伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 涛tao 明ming 超chao ' +
    '秀xiu 霞xia 平ping 刚gang 华hua 建jian 文wen 辉hui 玲ling 鹏peng 斌bin 宇yu 浩hao 凯kai 健jian ' +
    '俊jun 帆fan 婷ting 雪xue 琳lin 晨chen 欣xin 悦yue 佳jia 颖ying 思si 睿rui 博bo 毅yi 晓xiao 立li ' +
    '志zhi 国guo 海hai 红hong 晶jing 慧hui 振zhen 宁ning 东dong 峰feng 亮liang 嘉jia 梓zi 子zi 一yi ' +
    '天tian 晴qing 然ran 诚cheng 君jun 德de 永yong 春chun 燕yan',
);

/** "王wang 李li" → [['王', 'wang'], ['李', 'li']] */
function split(s: string): Named[] {
  return s.split(' ').map((w) => {
    const i = w.search(/[a-z]/);
    return [w.slice(0, i), w.slice(i)] as const;
  });
}

interface Person {
  name: string;
  surname: string;
  /** Latin handle for a WeChat id, e.g. zhangwei. */
  handle: string;
}

function chinesePerson(rng: Rng): Person {
  const [sz, sp] = rng.pick(surnames);
  const [g1, p1] = rng.pick(givenChars);
  if (rng.chance(0.3)) return { name: sz + g1, surname: sz, handle: sp + p1 };
  const [g2, p2] = rng.pick(givenChars);
  return { name: sz + g1 + g2, surname: sz, handle: sp + p1 + p2 };
}

type NameStyle = 'zh' | 'de' | 'jp' | 'kr' | 'west' | 'other';

// Foreign staff met at headquarters; Japanese and Korean names in the characters used on their cards.
const foreignPeople: Record<Exclude<NameStyle, 'zh'>, readonly Named[]> = {
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

const mobilePrefixes = [
  '130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159',
  '177', '180', '185', '186', '187', '188', '189', '199',
]; // prettier-ignore

const base36 = 'abcdefghijklmnopqrstuvwxyz0123456789';

// ---------------------------------------------------------------------------------------------------
// Industries, products and name parts.

const NON_INDUSTRIAL = new Set(['生产性服务业', '总部经济', '现代物流']);

interface IndustryInfo {
  label: string;
  /** Company name words [zh, en]. */
  words: readonly Named[];
  /** Project name middles: 西门子 + 高端装备制造 + 二期项目. */
  products: readonly string[];
}

const industryData: Record<string, { words: string; products: string }> = {
  集成电路: {
    words: '半导体|Semiconductor;微电子|Microelectronics;集成电路|Integrated Circuits',
    products: '12英寸晶圆制造;芯片封装测试;功率半导体;第三代半导体材料;集成电路设计中心',
  },
  '5G通信': {
    words: '通信|Communications;光电|Photonics;射频|RF Technologies',
    products: '5G基站射频器件;光通信模块;通信设备制造;5G终端天线',
  },
  人工智能: {
    words: '智能科技|Intelligent Technology;机器人|Robotics;视觉科技|Vision Technology',
    products: '工业机器人;智能视觉系统;人工智能创新中心;服务机器人',
  },
  高端装备制造: {
    words:
      '精密机械|Precision Machinery;自动化|Automation;机床|Machine Tools;传动技术|Drive Technology',
    products: '高端装备制造;精密数控机床;智能装备生产基地;液压传动系统',
  },
  高端食品: {
    words: '食品|Foods;乳业|Dairy;营养品|Nutrition',
    products: '高端食品生产基地;乳制品加工;休闲食品智能工厂;调味品生产;烘焙食品',
  },
  数字经济: {
    words: '数字科技|Digital Technology;信息技术|Information Technology;软件|Software',
    products: '数字经济产业园;工业互联网平台;大数据中心;云计算中心',
  },
  生产性服务业: {
    words:
      '供应链管理|Supply Chain Management;检测认证|Testing & Certification;商务服务|Business Services',
    products: '华东区域结算中心;供应链管理服务;检验检测中心;研发设计中心',
  },
  新材料: {
    words: '新材料|Advanced Materials;化学|Chemicals;复合材料|Composites',
    products: '高性能复合材料;特种工程塑料;新型显示材料;电子化学品',
  },
  生物医药: {
    words: '生物医药|Biopharma;医疗器械|Medical Devices;制药|Pharmaceuticals',
    products: '创新药研发生产基地;医疗器械生产;生物制剂;原料药绿色制造',
  },
  新能源: {
    words: '新能源|New Energy;电池|Battery;光伏|Solar',
    products: '动力电池;高效光伏组件;氢燃料电池系统;储能系统',
  },
  汽车零部件: {
    words:
      '汽车部件|Automotive Components;汽车电子|Automotive Electronics;车辆技术|Vehicle Technology',
    products: '汽车零部件;汽车电子;新能源汽车驱动系统;汽车转向系统',
  },
  现代物流: {
    words: '物流|Logistics;冷链|Cold Chain;仓储|Warehousing',
    products: '智慧物流园;冷链物流中心;区域分拨中心',
  },
  总部经济: {
    words: '投资|Investment;控股|Holdings;实业|Industries',
    products: '华东区域总部;中国区总部;研发总部',
  },
};

const genericWords: readonly Named[] = [
  ['科技', 'Technologies'],
  ['工业', 'Industries'],
  ['国际', 'International'],
  ['制造', 'Manufacturing'],
];

function pairs(s: string): Named[] {
  return s.split(';').map((p) => {
    const [zh = '', en = ''] = p.split('|');
    return [zh, en] as const;
  });
}

const industryInfos: readonly IndustryInfo[] = industries.map((label) => {
  const data = industryData[label];
  return {
    label,
    words: data ? pairs(data.words) : [['科技', 'Technologies']],
    products: data ? data.products.split(';') : [label],
  };
});
const industrialIndices = industries.flatMap((l, i) => (NON_INDUSTRIAL.has(l) ? [] : [i]));
const nonIndustrialIndices = industries.flatMap((l, i) =>
  NON_INDUSTRIAL.has(l) || l === '数字经济' ? [i] : [],
);

const serviceArmIndices = industries.flatMap((l, i) =>
  l === '总部经济' || l === '生产性服务业' ? [i] : [],
);

function industryIndex(label: string): number {
  const i = industries.indexOf(label);
  return i >= 0 ? i : 0;
}

// Foreign company name parts by country: brands [zh, en], legal forms in Chinese and English.
interface ForeignParts {
  brands: readonly Named[];
  legalZh: readonly string[];
  legalEn: readonly string[];
  style: NameStyle;
  cities: readonly string[];
}

const chinaHqCities = ['上海', '上海', '上海', '北京', '苏州', '深圳'];

function parts(
  brands: string,
  legalZh: string,
  legalEn: string,
  style: NameStyle,
  cities: readonly string[] = chinaHqCities,
): ForeignParts {
  return {
    brands: pairs(brands),
    legalZh: legalZh.split(';'),
    legalEn: legalEn.split(';'),
    style,
    cities,
  };
}

const foreignParts: Record<string, ForeignParts> = {
  DE: parts(
    '克斯勒|Kessler;布兰特|Brandt;霍夫曼|Hoffmann;韦伯|Weber;施密特|Schmidt;瓦格纳|Wagner;贝克尔|Becker;' +
      '舒尔茨|Schulz;齐默尔曼|Zimmermann;莱曼|Lehmann;哈特曼|Hartmann;沃尔夫|Wolf;福格尔|Vogel;罗特|Roth;' +
      '科赫|Koch;鲍尔|Bauer;里希特|Richter;克莱因|Klein;诺伊曼|Neumann;施瓦茨|Schwarz',
    '有限公司;股份公司;集团',
    'GmbH;AG;GmbH & Co. KG',
    'de',
  ),
  JP: parts(
    '山田|Yamada;中村|Nakamura;高桥|Takahashi;松本|Matsumoto;小林|Kobayashi;藤田|Fujita;东洋|Toyo;' +
      '日新|Nisshin;丸三|Marusan;北辰|Hokushin;三和|Sanwa;明和|Meiwa;太阳|Taiyo;大同|Daido;旭|Asahi;' +
      '千代田|Chiyoda;新日|Shinnichi;大和|Yamato',
    '株式会社',
    'Co., Ltd.;Corporation',
    'jp',
  ),
  US: parts(
    '阿克伦|Akron;布鲁克菲尔德|Brookfield;卡森|Carson;哈德逊|Hudson;麦迪逊|Madison;林肯|Lincoln;皮尔斯|Pierce;' +
      '惠特曼|Whitman;斯特林|Sterling;帕克|Parker;雷诺兹|Reynolds;汉密尔顿|Hamilton;克利夫兰|Cleveland;' +
      '威尔逊|Wilson;杰斐逊|Jefferson;贝尔蒙特|Belmont;温斯顿|Winston;格兰特|Grant',
    '公司;集团;有限公司',
    'Inc.;Corporation;LLC',
    'west',
  ),
  GB: parts(
    '阿什顿|Ashton;布里斯托|Bristol;温莎|Windsor;肯特|Kent;约克|York;德文|Devon;哈林顿|Harrington;卡文迪许|Cavendish',
    '有限公司;集团',
    'Ltd.;plc',
    'west',
  ),
  FR: parts(
    '勒布朗|Leblanc;马丁|Martin;贝尔纳|Bernard;杜兰|Durand;莫罗|Moreau;罗兰|Roland;福尔|Faure;吉拉尔|Girard',
    '集团;有限公司',
    'S.A.;SAS',
    'west',
  ),
  IT: parts(
    '布鲁诺|Bruno;科斯塔|Costa;马里尼|Marini;里奇|Ricci;隆巴尔迪|Lombardi;加洛|Gallo',
    '有限公司;集团',
    'S.p.A.;S.r.l.',
    'west',
  ),
  NL: parts(
    '范德堡|Van den Berg;德容|De Jong;扬森|Jansen;维瑟|Visser;巴克|Bakker',
    '有限公司;集团',
    'B.V.;N.V.',
    'west',
  ),
  CH: parts(
    '赫尔维蒂|Helvetic;格劳|Grau;施泰纳|Steiner;菲舍尔|Fischer;阿尔彭|Alpen',
    '股份公司;集团',
    'AG;S.A.',
    'west',
  ),
  SE: parts(
    '林德伯格|Lindberg;约翰松|Johansson;尼尔松|Nilsson;斯文松|Svensson',
    '公司;集团',
    'AB',
    'west',
  ),
  CA: parts(
    '北岭|Northridge;湖滨|Lakeshore;安大略|Ontario;落基|Rocky',
    '公司;集团',
    'Inc.;Ltd.',
    'west',
  ),
  KR: parts(
    '大韩|Daehan;韩一|Hanil;东亚|Dong-A;世元|Sewon;新星|Shinsung;永进|Youngjin;大成|Daesung;泰光|Taekwang;' +
      '三益|Samik;现成|Hyunsung;京信|Kyungshin',
    '株式会社;有限公司',
    'Co., Ltd.;Corporation',
    'kr',
  ),
  SG: parts(
    '南洋|Nanyang;狮城|Lion City;亚太|Asia Pacific;星河|Stellar;丰盛|Fortune;福源|Fook Yuen;瑞丰|Sui Fong;华联|Hwa Lian',
    '私人有限公司;有限公司',
    'Pte. Ltd.;Limited',
    'zh',
  ),
  HK: parts(
    '恒丰|Hang Fung;德昌|Tak Cheong;永安|Wing On;利昌|Lee Cheong;嘉华|Ka Wah;港丰|Kong Fung;信和|Sun Wo;' +
      '福兴|Fook Hing;宝丰|Po Fung',
    '有限公司;集团有限公司',
    'Limited;Holdings Limited',
    'zh',
    ['香港', '深圳', '上海'],
  ),
  TW: parts(
    '台升|Tai Sheng;嘉联|Chia Lien;鼎泰|Ding Tai;华新|Hua Hsin;联茂|Lien Mao;宏远|Hung Yuan;建兴|Chien Hsing;' +
      '振华|Chen Hua;永丰|Yung Feng',
    '股份有限公司',
    'Co., Ltd.;Corporation',
    'zh',
    ['上海', '昆山', '苏州', '台北'],
  ),
  IN: parts(
    '巴拉特|Bharat;恒河|Ganga;维克拉姆|Vikram;卡韦里|Kaveri;阿育|Ashok',
    '有限公司',
    'Limited;Pvt. Ltd.',
    'other',
  ),
  TH: parts(
    '暹罗|Siam;泰华|Thai Hua;湄南|Menam',
    '大众有限公司;有限公司',
    'Public Company Limited;Co., Ltd.',
    'other',
  ),
  MY: parts('巴生|Klang;槟城|Penang;马六甲|Malacca', '有限公司', 'Berhad;Sdn. Bhd.', 'other'),
  AU: parts('南十字|Southern Cross;珀斯|Perth;塔斯曼|Tasman', '有限公司', 'Pty Ltd', 'west'),
  IL: parts('加利利|Galilee;迦密|Carmel', '有限公司', 'Ltd.', 'other'),
  AE: parts('海湾|Gulf;绿洲|Oasis', '有限责任公司', 'LLC', 'other'),
};

/** Offshore holding domiciles: Chinese-controlled holdings with a Chinese brand. */
const offshore = new Set(['VG', 'KY', 'BM', 'MU']);

// Chinese brand syllables for domestic and offshore companies.
const brandFirst = split(
  '恒heng 华hua 瑞rui 鑫xin 泰tai 宏hong 盛sheng 天tian 新xin 中zhong 金jin 永yong 德de 海hai 东dong ' +
    '万wan 远yuan 安an 凯kai 博bo 鼎ding 正zheng 长chang 锦jin 嘉jia 汇hui 明ming 通tong 荣rong 兴xing',
);
const brandSecond = split(
  '信xin 达da 源yuan 丰feng 升sheng 发fa 隆long 辉hui 创chuang 科ke 腾teng 诚cheng 联lian 力li 晟sheng ' +
    '宇yu 杰jie 航hang 越yue 润run 峰feng 成cheng 智zhi 光guang 禾he 邦bang 驰chi 辰chen 芯xin 奥ao',
);

// Real groups. Foreign: zh|en|country|industry|flags|aliases|China HQ city. Domestic adds ownership.
// Flags: f 世界500强, c 国内100强, s 央企, l 上市公司, w 知名企业.
const realForeign = `
西门子股份公司|Siemens AG|DE|高端装备制造|flw|西门子,Siemens|北京
罗伯特·博世有限公司|Robert Bosch GmbH|DE|汽车零部件|fw|博世,Bosch|上海
巴斯夫欧洲公司|BASF SE|DE|新材料|flw|巴斯夫,BASF|上海
拜耳股份公司|Bayer AG|DE|生物医药|flw|拜耳,Bayer|北京
舍弗勒股份公司|Schaeffler AG|DE|汽车零部件|lw|舍弗勒,Schaeffler|上海
大陆集团|Continental AG|DE|汽车零部件|flw|大陆集团,Continental|上海
采埃孚股份公司|ZF Friedrichshafen AG|DE|汽车零部件|fw|采埃孚,ZF|上海
通快集团|TRUMPF SE + Co. KG|DE|高端装备制造|w|通快,TRUMPF|上海
费斯托股份两合公司|Festo SE & Co. KG|DE|高端装备制造|w|费斯托,Festo|上海
英飞凌科技股份公司|Infineon Technologies AG|DE|集成电路|lw|英飞凌,Infineon|上海
默克集团|Merck KGaA|DE|生物医药|lw|默克,Merck|上海
汉高股份有限及两合公司|Henkel AG & Co. KGaA|DE|新材料|lw|汉高,Henkel|上海
赢创工业集团|Evonik Industries AG|DE|新材料|lw|赢创,Evonik|上海
科思创股份公司|Covestro AG|DE|新材料|lw|科思创,Covestro|上海
卡尔蔡司股份公司|Carl Zeiss AG|DE|高端装备制造|w|蔡司,Zeiss|上海
克诺尔集团|Knorr-Bremse AG|DE|汽车零部件|lw|克诺尔,Knorr-Bremse|北京
肖特股份公司|SCHOTT AG|DE|新材料|w|肖特,SCHOTT|上海
伍尔特集团|Würth Group|DE|生产性服务业|w|伍尔特,Würth|上海
蒂森克虏伯股份公司|thyssenkrupp AG|DE|高端装备制造|lw|蒂森克虏伯,thyssenkrupp|上海
福伊特集团|Voith GmbH & Co. KGaA|DE|高端装备制造|w|福伊特,Voith|上海
丰田通商株式会社|Toyota Tsusho Corporation|JP|汽车零部件|flw|丰田通商,Toyota Tsusho|上海
松下控股株式会社|Panasonic Holdings Corporation|JP|新能源|flw|松下,Panasonic|北京
株式会社日立制作所|Hitachi, Ltd.|JP|高端装备制造|flw|日立,Hitachi|北京
株式会社电装|DENSO Corporation|JP|汽车零部件|flw|电装,DENSO|北京
发那科株式会社|FANUC Corporation|JP|人工智能|lw|发那科,FANUC|上海
株式会社安川电机|Yaskawa Electric Corporation|JP|人工智能|lw|安川电机,Yaskawa|上海
株式会社村田制作所|Murata Manufacturing Co., Ltd.|JP|5G通信|lw|村田,Murata|上海
东丽株式会社|Toray Industries, Inc.|JP|新材料|lw|东丽,Toray|上海
三菱电机株式会社|Mitsubishi Electric Corporation|JP|高端装备制造|flw|三菱电机,Mitsubishi Electric|上海
住友电气工业株式会社|Sumitomo Electric Industries, Ltd.|JP|5G通信|flw|住友电工,Sumitomo Electric|上海
欧姆龙株式会社|OMRON Corporation|JP|人工智能|lw|欧姆龙,OMRON|上海
大金工业株式会社|Daikin Industries, Ltd.|JP|高端装备制造|lw|大金,Daikin|上海
味之素株式会社|Ajinomoto Co., Inc.|JP|高端食品|lw|味之素,Ajinomoto|上海
尼得科株式会社|Nidec Corporation|JP|汽车零部件|lw|尼得科,Nidec|上海
信越化学工业株式会社|Shin-Etsu Chemical Co., Ltd.|JP|集成电路|lw|信越化学,Shin-Etsu|上海
东京电子株式会社|Tokyo Electron Limited|JP|集成电路|lw|东京电子,TEL|上海
株式会社爱信|AISIN Corporation|JP|汽车零部件|flw|爱信,AISIN|上海
普利司通株式会社|Bridgestone Corporation|JP|汽车零部件|flw|普利司通,Bridgestone|上海
三井物产株式会社|Mitsui & Co., Ltd.|JP|生产性服务业|flw|三井物产,Mitsui|上海
伊藤忠商事株式会社|ITOCHU Corporation|JP|生产性服务业|flw|伊藤忠,ITOCHU|上海
霍尼韦尔国际公司|Honeywell International Inc.|US|高端装备制造|flw|霍尼韦尔,Honeywell|上海
雀巢公司|Nestlé S.A.|CH|高端食品|flw|雀巢,Nestlé|北京
通用电气公司|General Electric Company|US|高端装备制造|flw|通用电气,GE|上海
艾默生电气公司|Emerson Electric Co.|US|高端装备制造|lw|艾默生,Emerson|上海
3M公司|3M Company|US|新材料|flw|3M|上海
施耐德电气|Schneider Electric SE|FR|高端装备制造|flw|施耐德电气,Schneider Electric|北京
法国液化空气集团|Air Liquide S.A.|FR|新材料|lw|液化空气,Air Liquide|上海
达能集团|Danone S.A.|FR|高端食品|flw|达能,Danone|上海
联合利华|Unilever PLC|GB|高端食品|flw|联合利华,Unilever|上海
阿斯利康|AstraZeneca PLC|GB|生物医药|flw|阿斯利康,AstraZeneca|上海
罗氏集团|F. Hoffmann-La Roche AG|CH|生物医药|flw|罗氏,Roche|上海
ABB集团|ABB Ltd|CH|高端装备制造|flw|ABB|北京
皇家飞利浦|Koninklijke Philips N.V.|NL|生物医药|flw|飞利浦,Philips|上海
帝斯曼集团|Royal DSM N.V.|NL|新材料|lw|帝斯曼,DSM|上海
爱立信|Telefonaktiebolaget LM Ericsson|SE|5G通信|lw|爱立信,Ericsson|北京
沃尔沃集团|AB Volvo|SE|汽车零部件|flw|沃尔沃,Volvo|上海
诺基亚|Nokia Corporation|FI|5G通信|lw|诺基亚,Nokia|北京
倍耐力|Pirelli & C. S.p.A.|IT|汽车零部件|lw|倍耐力,Pirelli|上海
美敦力|Medtronic plc|IE|生物医药|flw|美敦力,Medtronic|上海
江森自控|Johnson Controls International plc|IE|高端装备制造|flw|江森自控,Johnson Controls|上海
伊顿公司|Eaton Corporation plc|IE|高端装备制造|flw|伊顿,Eaton|上海
嘉吉公司|Cargill, Incorporated|US|高端食品|w|嘉吉,Cargill|上海
百事公司|PepsiCo, Inc.|US|高端食品|flw|百事,PepsiCo|上海
玛氏公司|Mars, Incorporated|US|高端食品|w|玛氏,Mars|北京
德州仪器|Texas Instruments Incorporated|US|集成电路|lw|德州仪器,TI|上海
应用材料公司|Applied Materials, Inc.|US|集成电路|lw|应用材料,Applied Materials|上海
康宁公司|Corning Incorporated|US|新材料|lw|康宁,Corning|上海
陶氏公司|Dow Inc.|US|新材料|flw|陶氏,Dow|上海
庄信万丰|Johnson Matthey Plc|GB|新材料|lw|庄信万丰,Johnson Matthey|上海
泰科电子|TE Connectivity Ltd.|CH|汽车零部件|lw|泰科电子,TE|上海
丹佛斯集团|Danfoss A/S|DK|高端装备制造|w|丹佛斯,Danfoss|上海
诺和诺德|Novo Nordisk A/S|DK|生物医药|lw|诺和诺德,Novo Nordisk|北京
麦格纳国际|Magna International Inc.|CA|汽车零部件|flw|麦格纳,Magna|上海
米其林集团|Compagnie Générale des Établissements Michelin|FR|汽车零部件|flw|米其林,Michelin|上海
圣戈班集团|Compagnie de Saint-Gobain S.A.|FR|新材料|flw|圣戈班,Saint-Gobain|上海
赛峰集团|Safran S.A.|FR|高端装备制造|flw|赛峰,Safran|北京
安赛乐米塔尔|ArcelorMittal S.A.|LU|新材料|flw|安赛乐米塔尔,ArcelorMittal|上海
索尔维集团|Solvay S.A.|BE|新材料|lw|索尔维,Solvay|上海
三星电子株式会社|Samsung Electronics Co., Ltd.|KR|集成电路|flw|三星电子,Samsung|北京
SK海力士株式会社|SK hynix Inc.|KR|集成电路|flw|SK海力士,SK hynix|无锡
LG化学株式会社|LG Chem, Ltd.|KR|新能源|flw|LG化学,LG Chem|北京
现代摩比斯株式会社|Hyundai Mobis Co., Ltd.|KR|汽车零部件|flw|现代摩比斯,Hyundai Mobis|上海
乐天集团|Lotte Corporation|KR|高端食品|lw|乐天,Lotte|上海
CJ第一制糖株式会社|CJ CheilJedang Corporation|KR|高端食品|lw|CJ第一制糖,CJ|北京
晓星集团|Hyosung Corporation|KR|新材料|lw|晓星,Hyosung|上海
浦项制铁控股株式会社|POSCO Holdings Inc.|KR|新材料|flw|浦项制铁,POSCO|北京
丰益国际有限公司|Wilmar International Limited|SG|高端食品|flw|丰益国际,Wilmar|上海
凯德集团|CapitaLand Group Pte. Ltd.|SG|生产性服务业|lw|凯德,CapitaLand|上海
胜科工业有限公司|Sembcorp Industries Ltd|SG|新能源|lw|胜科,Sembcorp|上海
吉宝集团|Keppel Ltd.|SG|现代物流|lw|吉宝,Keppel|上海
普洛斯集团|GLP Pte. Ltd.|SG|现代物流|w|普洛斯,GLP|上海
长江和记实业有限公司|CK Hutchison Holdings Limited|HK|现代物流|flw|长江和记,CK Hutchison|香港
新鸿基地产发展有限公司|Sun Hung Kai Properties Limited|HK|总部经济|lw|新鸿基,SHKP|香港
九龙仓集团有限公司|The Wharf (Holdings) Limited|HK|现代物流|lw|九龙仓,Wharf|香港
恒隆地产有限公司|Hang Lung Properties Limited|HK|总部经济|lw|恒隆,Hang Lung|上海
新世界发展有限公司|New World Development Company Limited|HK|总部经济|lw|新世界,New World|香港
利丰有限公司|Li & Fung Limited|HK|生产性服务业|w|利丰,Li & Fung|香港
维他奶国际集团有限公司|Vitasoy International Holdings Limited|HK|高端食品|lw|维他奶,Vitasoy|香港
李锦记集团|Lee Kum Kee Company Limited|HK|高端食品|w|李锦记,Lee Kum Kee|香港
台湾积体电路制造股份有限公司|Taiwan Semiconductor Manufacturing Company Limited|TW|集成电路|flw|台积电,TSMC|上海
鸿海精密工业股份有限公司|Hon Hai Precision Industry Co., Ltd.|TW|5G通信|flw|鸿海,富士康,Foxconn|深圳
日月光投资控股股份有限公司|ASE Technology Holding Co., Ltd.|TW|集成电路|lw|日月光,ASE|上海
联华电子股份有限公司|United Microelectronics Corporation|TW|集成电路|lw|联电,UMC|苏州
统一企业股份有限公司|Uni-President Enterprises Corp.|TW|高端食品|lw|统一企业,Uni-President|上海
台达电子工业股份有限公司|Delta Electronics, Inc.|TW|新能源|lw|台达,Delta|上海
和硕联合科技股份有限公司|Pegatron Corporation|TW|5G通信|flw|和硕,Pegatron|上海
广达电脑股份有限公司|Quanta Computer Inc.|TW|数字经济|flw|广达,Quanta|上海
正新橡胶工业股份有限公司|Cheng Shin Rubber Ind. Co., Ltd.|TW|汽车零部件|lw|正新,Maxxis|上海
巨大机械工业股份有限公司|Giant Manufacturing Co., Ltd.|TW|高端装备制造|lw|捷安特,Giant|上海
台塑企业|Formosa Plastics Group|TW|新材料|w|台塑,Formosa|上海
塔塔集团|Tata Sons Private Limited|IN|汽车零部件|fw|塔塔,Tata|上海
信实工业有限公司|Reliance Industries Limited|IN|新材料|flw|信实工业,Reliance|上海
沙特基础工业公司|Saudi Basic Industries Corporation|SA|新材料|flw|沙特基础工业,SABIC|上海
必和必拓集团|BHP Group Limited|AU|新材料|flw|必和必拓,BHP|上海
淡水河谷公司|Vale S.A.|BR|新材料|flw|淡水河谷,Vale|上海
正大集团|Charoen Pokphand Group|TH|高端食品|w|正大,CP|上海
云顶集团|Genting Berhad|MY|生产性服务业|lw|云顶,Genting|上海
以色列化工集团|ICL Group Ltd.|IL|新材料|lw|以色列化工,ICL|北京
梯瓦制药工业有限公司|Teva Pharmaceutical Industries Ltd.|IL|生物医药|lw|梯瓦,Teva|上海
穆巴达拉投资公司|Mubadala Investment Company|AE|总部经济|w|穆巴达拉,Mubadala|北京
金光集团|Sinar Mas Group|ID|新材料|w|金光集团,APP|上海
`;

const realDomestic = `
中国建材集团有限公司|China National Building Material Group Co., Ltd.|beijing|新材料|fcsw|中国建材,CNBM|北京|central_soe
中国中车集团有限公司|CRRC Group Co., Ltd.|beijing|高端装备制造|fcsw|中国中车,中车|北京|central_soe
国家电力投资集团有限公司|State Power Investment Corporation Limited|beijing|新能源|fcsw|国家电投,SPIC|北京|central_soe
中国电子信息产业集团有限公司|China Electronics Corporation|guangdong|集成电路|fcsw|中国电子,CEC|深圳|central_soe
华润（集团）有限公司|China Resources (Holdings) Company Limited|guangdong|高端食品|fcsw|华润,China Resources|深圳|central_soe
招商局集团有限公司|China Merchants Group Limited|guangdong|现代物流|fcsw|招商局,China Merchants|深圳|central_soe
中国中化控股有限责任公司|Sinochem Holdings Corporation Ltd.|beijing|新材料|fcsw|中国中化,Sinochem|北京|central_soe
中国通用技术（集团）控股有限责任公司|China General Technology (Group) Holding Co., Ltd.|beijing|高端装备制造|fcsw|通用技术集团,Genertec|北京|central_soe
中国医药集团有限公司|China National Pharmaceutical Group Co., Ltd.|beijing|生物医药|fcsw|国药集团,Sinopharm|北京|central_soe
中国宝武钢铁集团有限公司|China Baowu Steel Group Corporation Limited|shanghai|新材料|fcsw|中国宝武,宝武|上海|central_soe
中国东方电气集团有限公司|Dongfang Electric Corporation|sichuan|新能源|csw|东方电气,DEC|成都|central_soe
中粮集团有限公司|COFCO Corporation|beijing|高端食品|fcsw|中粮,COFCO|北京|central_soe
中国节能环保集团有限公司|China Energy Conservation and Environmental Protection Group|beijing|新能源|csw|中国节能,CECEP|北京|central_soe
中国航空工业集团有限公司|Aviation Industry Corporation of China, Ltd.|beijing|高端装备制造|fcsw|航空工业,AVIC|北京|central_soe
上海电气集团股份有限公司|Shanghai Electric Group Company Limited|shanghai|高端装备制造|clw|上海电气,Shanghai Electric|上海|local_soe
上海汽车集团股份有限公司|SAIC Motor Corporation Limited|shanghai|汽车零部件|fclw|上汽集团,上汽,SAIC|上海|local_soe
浙江省能源集团有限公司|Zhejiang Provincial Energy Group Co., Ltd.|zhejiang|新能源|cw|浙能集团|杭州|local_soe
浙江省交通投资集团有限公司|Zhejiang Communications Investment Group Co., Ltd.|zhejiang|现代物流|fcw|浙江交投|杭州|local_soe
江苏省国信集团有限公司|Jiangsu Guoxin Investment Group Limited|jiangsu|新能源|cw|江苏国信|南京|local_soe
安徽海螺集团有限责任公司|Anhui Conch Group Company Limited|anhui|新材料|fcw|海螺集团,海螺|芜湖|local_soe
北京汽车集团有限公司|Beijing Automotive Group Co., Ltd.|beijing|汽车零部件|fcw|北汽集团,BAIC|北京|local_soe
万华化学集团股份有限公司|Wanhua Chemical Group Co., Ltd.|shandong|新材料|clw|万华化学,Wanhua|烟台|local_soe
浙江吉利控股集团有限公司|Zhejiang Geely Holding Group Co., Ltd.|zhejiang|汽车零部件|fcw|吉利,吉利控股,Geely|杭州|private
比亚迪股份有限公司|BYD Company Limited|guangdong|新能源|fclw|比亚迪,BYD|深圳|private
宁德时代新能源科技股份有限公司|Contemporary Amperex Technology Co., Limited|fujian|新能源|fclw|宁德时代,CATL|宁德|private
正泰集团股份有限公司|CHINT Group Co., Ltd.|zhejiang|新能源|cw|正泰,CHINT|温州|private
立讯精密工业股份有限公司|Luxshare Precision Industry Co., Ltd.|guangdong|5G通信|fclw|立讯精密,Luxshare|东莞|private
隆基绿能科技股份有限公司|LONGi Green Energy Technology Co., Ltd.|shaanxi|新能源|clw|隆基,LONGi|西安|private
恒力集团有限公司|Hengli Group Co., Ltd.|jiangsu|新材料|fcw|恒力,Hengli|苏州|private
盛虹控股集团有限公司|Shenghong Holding Group Co., Ltd.|jiangsu|新材料|fcw|盛虹,Shenghong|苏州|private
三一集团有限公司|SANY Group Co., Ltd.|hunan|高端装备制造|cw|三一,SANY|长沙|private
美的集团股份有限公司|Midea Group Co., Ltd.|guangdong|人工智能|fclw|美的,Midea|佛山|private
舜宇光学科技（集团）有限公司|Sunny Optical Technology (Group) Company Limited|zhejiang|5G通信|lw|舜宇光学,Sunny Optical|宁波|private
三花控股集团有限公司|Sanhua Holding Group Co., Ltd.|zhejiang|汽车零部件|cw|三花,Sanhua|绍兴|private
杭州娃哈哈集团有限公司|Hangzhou Wahaha Group Co., Ltd.|zhejiang|高端食品|cw|娃哈哈,Wahaha|杭州|private
`;

interface RealGroup {
  nameZh: string;
  nameEn: string;
  /** Country code (foreign) or province key (domestic). */
  home: string;
  industry: number;
  flags: string;
  aliases: string[];
  city: string;
  ownership: Ownership | null;
}

function parseGroups(text: string): RealGroup[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [
        nameZh = '',
        nameEn = '',
        home = '',
        industry = '',
        flags = '',
        aliases = '',
        city = '',
        own,
      ] = line.split('|');
      return {
        nameZh,
        nameEn,
        home,
        industry: industryIndex(industry),
        flags,
        aliases: aliases.split(','),
        city,
        ownership: (own as Ownership | undefined) ?? null,
      };
    });
}

const realForeignGroups = parseGroups(realForeign);
const realDomesticGroups = parseGroups(realDomestic);

/** A real group's China holding or trading arm: 西门子（中国）投资有限公司. */
const subsidiaryForms: readonly Named[] = [
  ['（中国）投资有限公司', '(China) Investment Co., Ltd.'],
  ['（中国）有限公司', '(China) Co., Ltd.'],
  ['（上海）贸易有限公司', '(Shanghai) Trading Co., Ltd.'],
  ['亚太控股有限公司', 'Asia Pacific Holdings Ltd.'],
];

// Where domestic investors come from: province, weight, cities.
const domesticHomes: readonly (readonly [Province, number, readonly string[]])[] = [
  ['zhejiang', 22, ['杭州', '宁波', '温州', '绍兴', '湖州', '嘉兴', '台州', '金华']],
  ['shanghai', 18, ['上海']],
  ['jiangsu', 17, ['南京', '苏州', '无锡', '常州', '南通']],
  ['anhui', 5, ['合肥', '芜湖']],
  ['beijing', 8, ['北京']],
  ['guangdong', 12, ['深圳', '广州', '东莞', '佛山']],
  ['shandong', 4, ['青岛', '济南', '烟台']],
  ['fujian', 4, ['厦门', '福州', '泉州']],
  ['hubei', 2, ['武汉']],
  ['sichuan', 2, ['成都']],
  ['hunan', 1.5, ['长沙']],
  ['henan', 1.5, ['郑州']],
  ['tianjin', 1.5, ['天津']],
  ['chongqing', 1, ['重庆']],
  ['shaanxi', 1, ['西安']],
  ['liaoning', 1, ['大连', '沈阳']],
  ['jiangxi', 1, ['南昌']],
  ['hebei', 1, ['石家庄', '唐山']],
];
const domesticHome = new Weighted(
  domesticHomes,
  domesticHomes.map((h) => h[1]),
);
const provinceLabel: Partial<Record<string, string>> = {
  zhejiang: '浙江',
  shanghai: '上海',
  jiangsu: '江苏',
  anhui: '安徽',
  beijing: '北京',
  guangdong: '广东',
  shandong: '山东',
  fujian: '福建',
  hubei: '湖北',
  sichuan: '四川',
  hunan: '湖南',
  henan: '河南',
  tianjin: '天津',
  chongqing: '重庆',
  shaanxi: '陕西',
  liaoning: '辽宁',
  jiangxi: '江西',
  hebei: '河北',
};

/** The zone's own city: capital from here is not 市外内资. */
const HOME_CITY = '嘉兴';

const regionWeights = new Weighted<Region>(
  ['domestic', 'eu_us', 'de_jp', 'kr_sg_hk_tw', 'other_foreign'],
  [52, 14, 14, 13, 7],
);

const composedCountries: Record<Exclude<Region, 'domestic'>, Weighted<string>> = {
  eu_us: weighted([
    ['US', 35],
    ['GB', 12],
    ['FR', 10],
    ['IT', 8],
    ['NL', 8],
    ['CH', 8],
    ['SE', 6],
    ['CA', 6],
  ]),
  de_jp: weighted([
    ['DE', 50],
    ['JP', 50],
  ]),
  kr_sg_hk_tw: weighted([
    ['KR', 30],
    ['SG', 20],
    ['HK', 25],
    ['TW', 25],
  ]),
  other_foreign: weighted([
    ['VG', 30],
    ['KY', 12],
    ['BM', 5],
    ['MU', 5],
    ['IN', 12],
    ['TH', 10],
    ['MY', 10],
    ['AU', 10],
    ['IL', 4],
    ['AE', 4],
  ]),
};

// ---------------------------------------------------------------------------------------------------
// Project vocabulary.

const OFFICE_PREFIX: Record<OfficeKey, string> = {
  hq: 'BB',
  shanghai: 'SH',
  beijing: 'BJ',
  shenzhen: 'SZ',
};
const OFFICE_CITY: Record<OfficeKey, string> = {
  hq: '嘉兴',
  shanghai: '上海',
  beijing: '北京',
  shenzhen: '深圳',
};

const tierRanges: Record<Tier, readonly [number, number]> = {
  t100: [105 * YI, 280 * YI],
  t50_100: [52 * YI, 95 * YI],
  t10_50: [10.5 * YI, 48 * YI],
  t1_10: [1.05 * YI, 9.5 * YI],
  none: [0.12 * YI, 0.95 * YI],
};
const tierWeights = weighted<Tier>([
  ['t100', 1],
  ['t50_100', 2],
  ['t10_50', 10],
  ['t1_10', 50],
  ['none', 37],
]);

const stageWeights = weighted<Stage>([
  ['lead', 12],
  ['negotiating', 18],
  ['signed', 12],
  ['registered', 12],
  ['land_supplied', 8],
  ['started', 13],
  ['completed', 8],
  ['producing', 12],
  ['terminated', 5],
]);

const channelWeights = weighted<string>([
  ['referral', 15],
  ['agent', 12],
  ['resident', 30],
  ['online', 8],
  ['fair', 15],
  ['direct', 20],
]);

const agents = [
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

const fair2021 =
  fairEditions.find((f) => f.includes('2021')) ?? fairEditions[fairEditions.length - 1];
const earlierFairs = fairEditions.filter((f) => f !== fair2021).slice(-3);

const platformIndex = (part: string) => platforms.findIndex((p) => p.includes(part));
const industrialPlatforms = new Weighted(
  platforms.map((_, i) => i),
  platforms.map((_, i) =>
    i === platformIndex('生态园')
      ? 35
      : i === platformIndex('中德')
        ? 15
        : i === platformIndex('运河')
          ? 25
          : i === platformIndex('高铁')
            ? 12
            : 10,
  ),
);
const serviceIndustryPlatforms = new Weighted(
  platforms.map((_, i) => i),
  platforms.map((_, i) =>
    i === platformIndex('高铁')
      ? 45
      : i === platformIndex('姚家荡')
        ? 30
        : i === platformIndex('运河')
          ? 20
          : 2,
  ),
);

const sinoGermanPark = platformIndex('中德');

/** 承接平台: German investors favour the 中德 park, service projects the new town districts. */
function platformFor(rng: Rng, industrial: boolean, country: string): number {
  if (!industrial) return serviceIndustryPlatforms.pick(rng);
  if (country === 'DE' && sinoGermanPark >= 0 && rng.chance(0.5)) return sinoGermanPark;
  return industrialPlatforms.pick(rng);
}

const terminationReasons = [
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

const problemsByStage: Partial<Record<Stage, readonly string[]>> = {
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

const nextStepsByStage: Partial<Record<Stage, readonly string[]>> = {
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

const taskTitlesByStage: Record<Stage, readonly string[]> = {
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

const contactTitlesForeign = [
  '中国区总裁',
  '亚太区副总裁',
  '投资发展总监',
  '战略规划部经理',
  '中国区财务总监',
  '工厂总经理',
  '项目经理',
  '政府事务总监',
];
const contactTitlesDomestic = [
  '董事长',
  '总经理',
  '副总经理',
  '投资部总监',
  '董事会秘书',
  '项目负责人',
  '战略发展部部长',
];

const activityKindWeights = weighted<ActivityKind>([
  ['visit', 28],
  ['reception', 15],
  ['inspection', 12],
  ['call', 18],
  ['meeting', 12],
  ['fair', 5],
  ['video', 10],
]);
const meetingTopics = [
  '投资协议条款',
  '用地规划',
  '供地时序',
  '产业扶持政策',
  '注册资本到位计划',
  '项目建设进度',
];
const callTopics = ['项目进展', '用地需求', '董事会审批进度', '注册资本到位安排', '施工进度'];
const pitches = ['产业政策', '载体资源', '营商环境', '人才政策', '产业链配套', '土地供应情况'];
const plans = ['在华投资布局', '产能扩张计划', '新项目选址考虑', '供应链本地化计划'];
const leaders = ['管委会主任', '管委会副主任', '招商局局长', '区委书记'];
const investorNotes = [
  '已在长三角设有生产基地',
  '正在华东地区寻找新的生产基地',
  '计划扩大在华产能',
  '拟设立区域总部',
  '关注土地和人才政策',
];

/** Milestone index (0 signed … 5 producing) of a stage; the project columns follow the same order. */
const MILESTONE_INDEX: Partial<Record<Stage, number>> = Object.fromEntries(
  milestones.map((m, i) => [m.stage, i]),
);
// Day ranges between consecutive milestones: → registered, → land, → started, → completed, → producing.
const DURATIONS: readonly (readonly [number, number])[] = [
  [0, 0],
  [20, 120],
  [30, 270],
  [20, 180],
  [240, 720],
  [15, 150],
];
const SERVICE_DURATIONS: readonly (readonly [number, number])[] = [
  [0, 0],
  [20, 120],
  [0, 0],
  [30, 150],
  [60, 240],
  [15, 150],
];
const INDUSTRIAL_CHAIN = [0, 1, 2, 3, 4, 5];
/** Service projects rent space: no land, a fit-out instead of a build. */
const SERVICE_CHAIN = [0, 1, 3, 4, 5];

// ---------------------------------------------------------------------------------------------------
// Generation.

interface Promoter {
  id: string;
  name: string;
}

interface Investor {
  id: string;
  nameZh: string;
  short: string;
  shortEn: string | null;
  flags: string;
  country: string;
  region: Region;
  province: Province | null;
  ownership: Ownership | null;
  industry: number;
  city: string;
  office: number;
  big: boolean;
  style: NameStyle;
  projects: number;
}

/** Projects per investor, on average: groups come back with 增资 and 二期 projects. */
const PROJECTS_PER_INVESTOR = 2.5;

function validate(options: DemoOptions): string {
  const { projects, seed } = options;
  if (!Number.isSafeInteger(projects) || projects < 0) {
    throw new RangeError(`projects must be a non-negative integer, got ${projects}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (!isRealIsoDate(asOf)) throw new RangeError(`asOf must be a yyyy-mm-dd date, got ${asOf}`);
  return asOf;
}

/**
 * Demo rows, parents first: promoters, investors, then every project followed by its contacts,
 * activities, tasks and capital arrivals. Same options, same rows.
 */
export function generateDemo(options: DemoOptions): Generator<DemoRow> {
  const asOf = validate(options);
  return rows(options.projects, options.seed, asOf);
}

function* rows(projectCount: number, seed: number, asOfIso: string): Generator<DemoRow> {
  const rng = new Rng(seed);
  const [ay = 0, am = 1, ad = 1] = asOfIso.split('-').map(Number);
  const asOf = daysFromCivil(ay, am, ad);
  /** Signing dates spread from 2019 (or a year and a half back) to asOf. */
  const windowStart = Math.min(daysFromCivil(2019, 1, 1), asOf - 540);
  const calendarStart = windowStart - 1500;
  const calendar = new Calendar(
    calendarStart,
    asOf + 4000 - calendarStart,
    ...civilFromDays(calendarStart),
  );
  const iso = (day: number) => calendar.iso8601(day);
  const weekEnd = asOf + 6 - weekdayOf(asOf);

  const rateYears = Object.keys(defaultUsdCnyRates).map(Number);
  const rateCache = new Map<number, number>();
  const usdRate = (year: number): number => {
    let rate = rateCache.get(year);
    if (rate === undefined) {
      const nearest = rateYears.reduce(
        (best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best),
        rateYears[0] ?? year,
      );
      rate = defaultUsdCnyRates[nearest] ?? 6.5;
      rateCache.set(year, rate);
    }
    return rate;
  };

  // UUIDv7 with the row's own date as its timestamp (a working hour in China) and seeded randomness.
  const random = new Uint8Array(16);
  const newId = (day: number): string => {
    for (let i = 0; i < 16; i += 4) {
      const r = rng.next();
      random[i] = r & 0xff;
      random[i + 1] = (r >>> 8) & 0xff;
      random[i + 2] = (r >>> 16) & 0xff;
      random[i + 3] = r >>> 24;
    }
    return uuidv7({ msecs: day * MS_PER_DAY + 3_600_000 + rng.int(32_400_000), random });
  };

  // Promoters: 6–10 per office, unique names.
  const promotersByOffice: Promoter[][] = [];
  const usedPeople = new Set<string>();
  for (const office of officeKeys) {
    const list: Promoter[] = [];
    const count = rng.between(6, 10);
    for (let i = 0; i < count; i++) {
      let person = chinesePerson(rng);
      while (usedPeople.has(person.name)) person = chinesePerson(rng);
      usedPeople.add(person.name);
      const id = newId(calendarStart + rng.int(365));
      list.push({ id, name: person.name });
      yield { table: 'promoter', id, fields: { name: person.name, office_id: office, active: 1 } };
    }
    promotersByOffice.push(list);
  }

  // Investors: real groups, their China arms and composed names; parents before their subsidiaries.
  const investorCount =
    projectCount === 0 ? 0 : Math.max(1, Math.round(projectCount / PROJECTS_PER_INVESTOR));
  const investors: Investor[] = [];
  const bigInvestors: number[] = [];
  const usedNames = new Set<string>();
  const unusedReal: Record<Region, RealGroup[]> = {
    eu_us: [],
    de_jp: [],
    kr_sg_hk_tw: [],
    other_foreign: [],
    domestic: [...realDomesticGroups],
  };
  for (const g of realForeignGroups)
    unusedReal[countryByCode(g.home)?.region ?? 'other_foreign'].push(g);
  const usedReal: Record<Region, Investor[]> = {
    eu_us: [],
    de_jp: [],
    kr_sg_hk_tw: [],
    other_foreign: [],
    domestic: [],
  };

  for (let i = 0; i < investorCount; i++) {
    const region = regionWeights.pick(rng);
    const roll = rng.float();
    const pool = unusedReal[region];
    const parents = usedReal[region];
    let draft: InvestorDraft | null = null;
    if (roll < (region === 'domestic' ? 0.12 : 0.35) && pool.length > 0) {
      const k = rng.int(pool.length);
      const group = pool[k] as RealGroup;
      pool[k] = pool[pool.length - 1] as RealGroup;
      pool.pop();
      draft = realDraft(group, region);
    } else if (roll < 0.55 && parents.length > 0) {
      const parent = rng.pick(parents);
      if (region !== 'domestic' || parent.ownership === 'central_soe') {
        draft = subsidiaryDraft(rng, parent, region, usedNames);
      }
    }
    draft ??=
      region === 'domestic'
        ? domesticDraft(rng, usedNames)
        : foreignDraft(rng, composedCountries[region].pick(rng), usedNames);
    usedNames.add(draft.nameZh);

    const id = newId(calendarStart + rng.int(windowStart - calendarStart));
    const inv: Investor = {
      id,
      nameZh: draft.nameZh,
      short: draft.short,
      shortEn: draft.shortEn,
      flags: draft.flags,
      country: draft.country,
      region,
      province: draft.province,
      ownership: draft.ownership,
      industry: draft.industry,
      city: draft.city,
      office: officeFor(rng, draft),
      big:
        draft.real ||
        draft.flags.includes('f') ||
        draft.flags.includes('c') ||
        draft.flags.includes('s'),
      style: draft.style,
      projects: 0,
    };
    investors.push(inv);
    if (inv.big) bigInvestors.push(i);
    if (draft.real) usedReal[region].push(inv);
    const flags = draft.flags;
    yield {
      table: 'investor',
      id,
      fields: {
        name_zh: draft.nameZh,
        name_en: draft.nameEn,
        aliases: JSON.stringify(draft.aliases),
        parent_name: draft.parent?.nameZh ?? null,
        parent_investor_id: draft.parent?.id ?? null,
        hq_country: draft.country,
        fortune500: flags.includes('f') ? 1 : 0,
        china100: flags.includes('c') ? 1 : 0,
        central_soe: flags.includes('s') ? 1 : 0,
        listed: flags.includes('l') ? 1 : 0,
        well_known: flags.includes('w') ? 1 : 0,
        notes:
          draft.real && flags.includes('f')
            ? '世界500强企业'
            : rng.chance(0.2)
              ? rng.pick(investorNotes)
              : null,
      },
    };
  }

  // Projects with their children.
  const codeSeq = new Map<string, number>();
  const actual = new Int32Array(6);
  const planned = new Int32Array(6);
  const durations = new Int32Array(6);
  const days: number[] = [];

  for (let p = 0; p < projectCount; p++) {
    // Size first, then an investor able to carry it.
    const tier = tierWeights.pick(rng);
    const bigPick = tier === 't100' || tier === 't50_100' ? 0.8 : tier === 't10_50' ? 0.5 : 0.05;
    const invIndex =
      bigInvestors.length > 0 && rng.chance(bigPick)
        ? rng.pick(bigInvestors)
        : rng.int(investors.length);
    const inv = investors[invIndex] as Investor;
    const foreign = inv.region !== 'domestic';
    const nth = inv.projects++;
    const projectType =
      nth === 0 || rng.chance(0.15) ? 'new' : rng.chance(0.5) ? 'expansion' : 'phase2';

    // Mostly the group's own industry; otherwise a headquarters or service arm of it.
    const industry = rng.chance(0.85) ? inv.industry : rng.pick(serviceArmIndices);
    const info = industryInfos[industry] as IndustryInfo;
    const industrial =
      !NON_INDUSTRIAL.has(info.label) && (info.label !== '数字经济' || rng.chance(0.5));
    const chain = industrial ? INDUSTRIAL_CHAIN : SERVICE_CHAIN;

    // Stage and dates. k = position in chain of the furthest actual milestone, -1 for none.
    let stage = stageWeights.pick(rng);
    if (stage === 'land_supplied' && !industrial) stage = 'registered';
    let k = -1;
    if (stage === 'terminated') k = rng.chance(0.65) ? -1 : rng.int(3);
    else {
      const m = MILESTONE_INDEX[stage];
      if (m !== undefined) k = chain.indexOf(m);
    }
    durations.fill(0);
    for (let j = 1; j < chain.length; j++) {
      const m = chain[j] as number;
      const range = (industrial ? DURATIONS : SERVICE_DURATIONS)[m] as readonly [number, number];
      let d = rng.between(range[0], range[1]);
      if (m === 4 && (tier === 't100' || tier === 't50_100')) d = Math.round(d * 1.5);
      durations[j] = d;
    }
    actual.fill(-1);
    planned.fill(-1);
    let entered: number;
    let terminatedOn = -1;
    if (k >= 0) {
      const extra = stage === 'terminated' ? rng.between(20, 240) : 0;
      let span = 0;
      for (let j = 1; j <= k; j++) span += durations[j] as number;
      const room = asOf - windowStart - extra - 1;
      if (span > room) {
        const factor = room / span;
        span = 0;
        for (let j = 1; j <= k; j++) {
          durations[j] = Math.floor((durations[j] as number) * factor);
          span += durations[j] as number;
        }
      }
      const latest = asOf - span - extra;
      // Recent signings dominate: the as-of year holds many of them.
      const skew = k <= 2 ? 3 : 1.6;
      const signed = latest - Math.floor((latest - windowStart) * rng.float() ** skew);
      let day = signed;
      let plan = 0;
      for (let j = 0; j < chain.length; j++) {
        const m = chain[j] as number;
        if (j > 0) day += durations[j] as number;
        if (j <= k) {
          actual[m] = day;
          plan = Math.max(plan, day + (j === 0 ? -rng.between(0, 60) : rng.between(-30, 30)));
        } else if (j === k + 1) {
          plan = Math.max(
            plan,
            (actual[chain[k] as number] as number) +
              Math.round((durations[j] as number) * (0.7 + 0.6 * rng.float())),
          );
        } else plan += durations[j] as number;
        planned[m] = plan;
      }
      if (stage === 'terminated') {
        terminatedOn = (actual[chain[k] as number] as number) + rng.between(10, extra);
      }
      entered = Math.max(calendarStart, signed - rng.between(20, 420));
    } else {
      let plan: number;
      if (stage === 'lead') {
        entered = asOf - rng.int(366);
        plan = asOf + rng.between(60, 540);
      } else if (stage === 'negotiating') {
        entered = asOf - rng.between(20, 700);
        plan = Math.max(entered + 14, asOf + rng.between(-60, 270));
      } else {
        entered = asOf - rng.between(90, 1000);
        terminatedOn = entered + rng.between(30, asOf - entered);
        plan = entered + rng.between(60, 300);
      }
      planned[0] = plan;
      if (stage !== 'lead') {
        for (let j = 1; j < chain.length; j++) {
          plan += durations[j] as number;
          planned[chain[j] as number] = plan;
        }
      }
    }
    const signedDay = actual[0] as number;
    const rateDay = signedDay >= 0 ? signedDay : (planned[0] as number);
    const rate = usdRate(calendar.year(rateDay));

    // Money.
    const [minCny, maxCny] = tierRanges[tier];
    const totalCny = nice(minCny * (maxCny / minCny) ** rng.float());
    const usd = foreign && rng.chance(0.4);
    const totalInvestment = usd ? nice(totalCny / rate) : totalCny;
    const contractedFdi = foreign
      ? Math.max(10_000, nice((totalCny / rate) * (0.35 + 0.65 * rng.float())))
      : null;
    const landMu =
      industrial && (stage !== 'lead' || rng.chance(0.5))
        ? Math.min(
            5000,
            Math.max(10, Math.round((totalCny / (2_500_000 + rng.int(4_000_000))) * 10) / 10),
          )
        : null;

    // Office, owner, channel.
    const officeIdx = rng.chance(0.8) ? inv.office : rng.int(officeKeys.length);
    const office = officeKeys[officeIdx] as OfficeKey;
    const staff = promotersByOffice[officeIdx] as Promoter[];
    const owner = rng.pick(staff);
    const channel = channelWeights.pick(rng);
    const enteredYear = calendar.year(entered);
    const codeKey = office + enteredYear;
    const seq = (codeSeq.get(codeKey) ?? 0) + 1;
    codeSeq.set(codeKey, seq);
    const code = `${OFFICE_PREFIX[office]}${enteredYear}-${seq < 1000 ? String(seq).padStart(4, '0') : seq}`;

    const productName = rng.pick(info.products);
    const suffix =
      projectType === 'new' ? '项目' : projectType === 'expansion' ? '增资扩产项目' : '二期项目';
    const bigTier = tier === 't100' || tier === 't50_100' || tier === 't10_50';
    const live = stage !== 'lead' && stage !== 'terminated';
    const problemsList = problemsByStage[stage];
    const nextList = nextStepsByStage[stage];
    const problems = problemsList && rng.chance(0.6) ? rng.pick(problemsList) : null;
    const nextSteps =
      nextList && rng.chance(stage === 'producing' ? 0.3 : 0.7)
        ? rng.pick(nextList).replace('{city}', inv.city)
        : null;

    const projectId = newId(entered);
    yield {
      table: 'project',
      id: projectId,
      fields: {
        code,
        name: inv.short + productName + suffix,
        investor_id: inv.id,
        country: inv.country,
        province: foreign ? null : inv.province,
        ownership: foreign ? null : inv.ownership,
        capital_type: foreign ? 'foreign' : 'domestic',
        project_type: projectType,
        industrial: industrial ? 1 : 0,
        industry: info.label,
        platform: platforms[platformFor(rng, industrial, inv.country)] ?? null,
        channel,
        referrer: channel === 'referral' ? referrerFor(rng, investors, inv) : null,
        agent: channel === 'agent' ? rng.pick(agents) : null,
        fair_edition:
          channel === 'fair'
            ? ((enteredYear >= 2021 || earlierFairs.length === 0
                ? fair2021
                : rng.pick(earlierFairs)) ?? null)
            : null,
        office_id: office,
        owner_id: owner.id,
        total_investment: totalInvestment,
        investment_currency: usd ? 'USD' : 'CNY',
        contracted_fdi_usd: contractedFdi,
        land_area_mu: landMu,
        stage,
        terminated_on: terminatedOn >= 0 ? iso(terminatedOn) : null,
        termination_reason: stage === 'terminated' ? rng.pick(terminationReasons) : null,
        problems,
        next_steps: nextSteps,
        leader_project: bigTier && live && rng.chance(0.6) ? 1 : 0,
        signed_on: dayOrNull(actual[0] as number),
        planned_signed_on: dayOrNull(planned[0] as number),
        registered_on: dayOrNull(actual[1] as number),
        planned_registered_on: dayOrNull(planned[1] as number),
        land_supplied_on: dayOrNull(actual[2] as number),
        planned_land_supplied_on: dayOrNull(planned[2] as number),
        started_on: dayOrNull(actual[3] as number),
        planned_started_on: dayOrNull(planned[3] as number),
        completed_on: dayOrNull(actual[4] as number),
        planned_completed_on: dayOrNull(planned[4] as number),
        producing_on: dayOrNull(actual[5] as number),
        planned_producing_on: dayOrNull(planned[5] as number),
      },
    };

    // Contacts: 1–2 people at the investor.
    const contactCount = rng.chance(0.5) ? 2 : 1;
    let firstContact = '';
    let firstTitle = '';
    for (let c = 0; c < contactCount; c++) {
      const local = inv.style === 'zh' || rng.chance(0.75);
      let name: string;
      let handle: string;
      if (local) {
        const person = chinesePerson(rng);
        name = person.name;
        handle = person.handle;
      } else {
        const [n, h] = rng.pick(foreignPeople[inv.style as Exclude<NameStyle, 'zh'>]);
        name = n;
        handle = h;
      }
      const title = rng.pick(foreign ? contactTitlesForeign : contactTitlesDomestic);
      if (c === 0) {
        firstContact = name;
        firstTitle = title;
      }
      let wechat: string | null;
      if (!local && rng.chance(0.5)) wechat = null;
      else if (rng.chance(0.3)) {
        wechat = 'wxid_';
        for (let x = 0; x < 10; x++) wechat += base36[rng.int(36)];
      } else wechat = handle + rng.between(10, 99);
      const contactId = newId(entered);
      yield {
        table: 'contact',
        id: contactId,
        fields: {
          investor_id: inv.id,
          project_id: projectId,
          name,
          title,
          phone: `${rng.pick(mobilePrefixes)}****${rng.between(1000, 9999)}`,
          wechat,
          email: null,
          notes: c === 0 && rng.chance(0.2) ? '首次对接人' : null,
        },
      };
    }

    // Activities between entry and asOf (or termination); the signing ceremony among them.
    const lastDay = terminatedOn >= 0 ? terminatedOn : asOf;
    const activityCount =
      stage === 'lead'
        ? rng.between(0, 2)
        : stage === 'negotiating'
          ? rng.between(1, 5)
          : stage === 'terminated'
            ? rng.between(0, 3)
            : rng.between(1, 5);
    days.length = 0;
    const ceremony = signedDay >= 0 && activityCount > 0;
    if (ceremony) days.push(signedDay);
    while (days.length < activityCount) days.push(entered + rng.int(lastDay - entered + 1));
    days.sort((a, b) => a - b);
    let ceremonyDone = false;
    for (const day of days) {
      let kind: ActivityKind;
      let notes: string;
      let people = owner.name;
      if (ceremony && !ceremonyDone && day === signedDay) {
        ceremonyDone = true;
        kind = 'meeting';
        notes = `${inv.short}${productName}${suffix}签约仪式在开发区举行`;
        people = `${rng.pick(leaders)}、${owner.name}、${firstContact}`;
      } else {
        kind = activityKindWeights.pick(rng);
        notes = activityNote(rng, kind, inv, firstTitle + firstContact, OFFICE_CITY[office]);
        if (kind === 'reception' || kind === 'inspection' || kind === 'meeting') {
          people = rng.chance(0.4) ? `${rng.pick(leaders)}、${owner.name}` : owner.name;
        }
        if (rng.chance(0.3)) {
          const colleague = rng.pick(staff);
          if (colleague !== owner) people += `、${colleague.name}`;
        }
        if (kind !== 'call') people += `、${firstContact}`;
      }
      yield {
        table: 'activity',
        id: newId(day),
        fields: {
          project_id: projectId,
          investor_id: inv.id,
          kind,
          occurred_on: iso(day),
          people,
          notes,
        },
      };
    }

    // Tasks: done, overdue, due this week or later.
    const taskCount =
      stage === 'lead' || stage === 'terminated' ? rng.between(0, 1) : rng.between(0, 3);
    const titles = taskTitlesByStage[stage];
    const firstTask = rng.int(titles.length);
    for (let t = 0; t < taskCount; t++) {
      const roll = stage === 'terminated' ? 0 : rng.float();
      let due: number;
      let doneOn = -1;
      if (roll < 0.35) {
        due = Math.max(entered + 1, asOf - rng.between(1, 120));
        doneOn = Math.min(asOf, Math.max(entered, due + rng.between(-10, 5)));
        if (terminatedOn >= 0) doneOn = Math.min(doneOn, terminatedOn);
      } else if (roll < 0.55) due = Math.max(entered + 1, asOf - rng.between(1, 60));
      else if (roll < 0.75) due = rng.between(asOf, weekEnd);
      else due = asOf + rng.between(7, 60);
      if (terminatedOn >= 0) due = Math.min(due, terminatedOn);
      const assignee = rng.chance(0.8) ? owner : rng.pick(staff);
      yield {
        table: 'task',
        id: newId(Math.min(due, asOf) - rng.int(15)),
        fields: {
          project_id: projectId,
          title: titles[(firstTask + t) % titles.length] as string,
          due_on: iso(due),
          done: doneOn >= 0 ? 1 : 0,
          done_on: doneOn >= 0 ? iso(doneOn) : null,
          assignee_id: assignee.id,
          notes: rng.chance(0.15) ? '需管委会领导协调' : null,
        },
      };
    }

    // Capital arrivals after signing (after registration once registered), up to the contracted amount.
    if (signedDay >= 0 && stage !== 'terminated' && rng.chance(0.85)) {
      const reached = chain[k] as number;
      const from = (actual[1] as number) >= 0 ? (actual[1] as number) + 1 : signedDay + 1;
      const [fLo, fHi] = paidShare[reached] as readonly [number, number];
      const maxCount = reached === 0 ? 1 : reached === 1 ? 2 : reached === 2 ? 3 : 4;
      const cap = foreign ? (contractedFdi as number) : totalCny;
      const share = (fLo + (fHi - fLo) * rng.float()) * (foreign ? 1 : 0.8);
      const units = Math.floor((cap * share) / 10_000);
      let count = Math.min(rng.between(1, maxCount), units);
      if (from > asOf) count = 0;
      if (count > 0) {
        days.length = 0;
        for (let a = 0; a < count; a++) days.push(from + rng.int(asOf - from + 1));
        days.sort((x, y) => x - y);
        let remaining = units - count;
        const outside = foreign ? 0 : inv.city !== HOME_CITY && rng.chance(0.95) ? 1 : 0;
        for (let a = 0; a < count; a++) {
          let part = 1;
          if (a === count - 1) part += remaining;
          else {
            const extra = Math.min(
              remaining,
              Math.floor(remaining * rng.float() * (2 / (count - a))),
            );
            part += extra;
            remaining -= extra;
          }
          const day = days[a] as number;
          yield {
            table: 'capital_arrival',
            id: newId(day),
            fields: {
              project_id: projectId,
              arrived_on: iso(day),
              amount: part * 10_000,
              currency: foreign ? 'USD' : 'CNY',
              kind: foreign ? 'fdi' : 'domestic',
              outside_city: outside,
              notes: null,
            },
          };
        }
      }
    }
  }

  function dayOrNull(day: number): string | null {
    return day >= 0 ? iso(day) : null;
  }
}

/** Share of the cap paid in by the furthest milestone reached (0 signed … 5 producing). */
const paidShare: readonly (readonly [number, number])[] = [
  [0.05, 0.2],
  [0.1, 0.45],
  [0.2, 0.6],
  [0.3, 0.85],
  [0.5, 0.95],
  [0.6, 1],
];

/** Three significant digits: 3.27亿, 2,350万. */
function nice(x: number): number {
  if (x < 1000) return Math.max(1, Math.round(x));
  const unit = 10 ** (Math.floor(Math.log10(x)) - 2);
  return Math.round(x / unit) * unit;
}

/** [year, month, day] of a day number (inverse of daysFromCivil). */
function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

interface InvestorDraft {
  nameZh: string;
  nameEn: string | null;
  aliases: string[];
  short: string;
  shortEn: string | null;
  country: string;
  province: Province | null;
  ownership: Ownership | null;
  industry: number;
  city: string;
  flags: string;
  real: boolean;
  style: NameStyle;
  parent: Investor | null;
}

function styleOf(country: string): NameStyle {
  if (
    country === 'CN' ||
    country === 'HK' ||
    country === 'TW' ||
    country === 'SG' ||
    offshore.has(country)
  )
    return 'zh';
  if (country === 'DE') return 'de';
  if (country === 'JP') return 'jp';
  if (country === 'KR') return 'kr';
  const region = countryByCode(country)?.region;
  return region === 'eu_us' ? 'west' : 'other';
}

function realDraft(g: RealGroup, region: Region): InvestorDraft {
  const domestic = region === 'domestic';
  return {
    nameZh: g.nameZh,
    nameEn: g.nameEn,
    aliases: g.aliases,
    short: g.aliases[0] ?? g.nameZh,
    shortEn: g.aliases.find((a) => !/[\u4e00-\u9fff]/.test(a)) ?? null,
    country: domestic ? 'CN' : g.home,
    province: domestic ? (g.home as Province) : null,
    ownership: domestic ? g.ownership : null,
    industry: g.industry,
    city: g.city,
    flags: g.flags,
    real: true,
    style: styleOf(domestic ? 'CN' : g.home),
    parent: null,
  };
}

/** A real group's China arm (foreign) or a central SOE's subsidiary (domestic). */
function subsidiaryDraft(
  rng: Rng,
  parent: Investor,
  region: Region,
  used: Set<string>,
): InvestorDraft | null {
  let nameZh: string;
  let nameEn: string | null;
  let industry = parent.industry;
  if (region === 'domestic') {
    industry = rng.pick(industrialIndices);
    const [wz] = rng.pick((industryInfos[industry] as IndustryInfo).words);
    nameZh = `${parent.short}${wz}${rng.pick(['有限公司', '科技有限公司', '投资有限公司'])}`;
    nameEn = null;
  } else {
    const [fz, fe] = rng.pick(subsidiaryForms);
    nameZh = parent.short + fz;
    nameEn = parent.shortEn ? `${parent.shortEn} ${fe}` : null;
  }
  if (used.has(nameZh)) return null;
  return {
    nameZh,
    nameEn,
    aliases: region === 'domestic' ? [] : [`${parent.short}中国`],
    short: parent.short,
    shortEn: parent.shortEn,
    country: parent.country,
    province: parent.province,
    ownership: parent.ownership,
    industry,
    city: parent.city,
    // A group's arm counts as the group's: 世界500强 and 央企 projects are reported by parent.
    flags: (parent.flags.includes('f') ? 'f' : '') + (region === 'domestic' ? 's' : 'w'),
    real: false,
    style: parent.style,
    parent,
  };
}

function chineseBrand(rng: Rng): [string, string] {
  const [az, ap] = rng.pick(brandFirst);
  let [bz, bp] = rng.pick(brandSecond);
  while (bz === az) [bz, bp] = rng.pick(brandSecond);
  return [az + bz, ap.charAt(0).toUpperCase() + ap.slice(1) + bp];
}

function uniqueName(used: Set<string>, base: string): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base}（${n}）`;
    if (!used.has(name)) return name;
  }
}

/** A legal form that does not repeat the trade word: 视觉科技 + 股份有限公司, not 视觉科技科技…. */
function pickLegal(rng: Rng, word: string, forms: readonly string[]): string {
  const form = rng.pick(forms);
  return (word.endsWith('科技') || word.endsWith('技术')) && form.startsWith('科技')
    ? form.slice(2)
    : form;
}

// A city's state-owned investment groups (they co-invest through industry funds): 苏州产业投资集团.
const localSoeKinds: readonly Named[] = [
  ['国有资本投资运营', '国投'],
  ['产业投资', '产投'],
  ['工业投资', '工投'],
  ['科技创新投资', '科投'],
];

function domesticDraft(rng: Rng, used: Set<string>): InvestorDraft {
  const [province, , cities] = domesticHome.pick(rng);
  const city = rng.pick(cities);
  const industry = rng.chance(0.9) ? rng.pick(industrialIndices) : rng.pick(nonIndustrialIndices);
  const base = {
    nameEn: null,
    shortEn: null,
    country: 'CN',
    province,
    industry,
    city,
    real: false,
    style: 'zh' as const,
    parent: null,
  };
  if (rng.chance(0.08)) {
    const [kind, abbr] = rng.pick(localSoeKinds);
    const nameZh = `${city}${kind}集团有限公司`;
    if (!used.has(nameZh)) {
      const short = city + abbr;
      return { ...base, nameZh, aliases: [short], short, ownership: 'local_soe', flags: '' };
    }
  }
  const words = (industryInfos[industry] as IndustryInfo).words;
  let nameZh = '';
  let short = '';
  let word = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    [word] = rng.pick(words);
    [short] = chineseBrand(rng);
    const place = rng.chance(0.7) ? city : (provinceLabel[province] ?? city);
    const legal = pickLegal(rng, word, [
      '科技股份有限公司',
      '科技有限公司',
      '股份有限公司',
      '集团有限公司',
      '有限公司',
    ]);
    nameZh = `${place}${short}${word}${legal}`;
    if (!used.has(nameZh)) break;
  }
  nameZh = uniqueName(used, nameZh);
  const listed = nameZh.includes('股份') && rng.chance(0.4);
  return {
    ...base,
    nameZh,
    aliases: [short + word],
    short,
    ownership: 'private',
    flags: (listed ? 'l' : '') + (rng.chance(0.05) ? 'w' : '') + (rng.chance(0.01) ? 'c' : ''),
  };
}

function foreignDraft(rng: Rng, country: string, used: Set<string>): InvestorDraft {
  const industry = rng.chance(0.9) ? rng.pick(industrialIndices) : rng.pick(nonIndustrialIndices);
  const own = (industryInfos[industry] as IndustryInfo).words;
  const pickWord = () => (rng.chance(0.65) ? rng.pick(own) : rng.pick(genericWords));
  let nameZh = '';
  let nameEn = '';
  let short = '';
  let shortEn = '';
  const fp = foreignParts[country];
  for (let attempt = 0; attempt < 12; attempt++) {
    const [wz, we] = pickWord();
    if (!fp) {
      // Offshore holding of a Chinese-run group: 恒瑞新能源国际控股有限公司.
      [short, shortEn] = chineseBrand(rng);
      nameZh = `${short}${wz}国际控股有限公司`;
      nameEn = `${shortEn} ${we} International Holdings Limited`;
    } else {
      let [bz, be] = rng.pick(fp.brands);
      if (attempt >= 6) {
        const [cz, ce] = rng.pick(fp.brands);
        if (cz !== bz) {
          bz = `${bz}·${cz}`;
          be = `${be}-${ce}`;
        }
      }
      short = bz;
      shortEn = be;
      nameZh = `${bz}${wz}${rng.pick(fp.legalZh)}`;
      nameEn = `${be} ${we} ${rng.pick(fp.legalEn)}`;
    }
    if (!used.has(nameZh)) break;
  }
  nameZh = uniqueName(used, nameZh);
  return {
    nameZh,
    nameEn,
    aliases: [short, shortEn],
    short,
    shortEn,
    country,
    province: null,
    ownership: null,
    industry,
    city: rng.pick(fp?.cities ?? chinaHqCities),
    flags: (rng.chance(0.2) ? 'l' : '') + (rng.chance(0.1) ? 'w' : ''),
    real: false,
    style: fp?.style ?? 'zh',
    parent: null,
  };
}

const officeIndex = (key: OfficeKey) => officeKeys.indexOf(key);
const HQ = officeIndex('hq');
const SH = officeIndex('shanghai');
const BJ = officeIndex('beijing');
const SZ = officeIndex('shenzhen');

/** The office most likely to follow an investor: by where its decision-makers sit. */
function officeFor(rng: Rng, d: InvestorDraft): number {
  const x = rng.float();
  if (d.country === 'CN') {
    if (d.ownership === 'central_soe' && d.province !== 'guangdong') return x < 0.8 ? BJ : HQ;
    switch (d.province) {
      case 'shanghai':
      case 'jiangsu':
      case 'anhui':
        return x < 0.6 ? SH : HQ;
      case 'zhejiang':
        return x < 0.8 ? HQ : SH;
      case 'beijing':
      case 'tianjin':
      case 'hebei':
      case 'shandong':
      case 'liaoning':
      case 'henan':
      case 'shaanxi':
        return x < 0.75 ? BJ : HQ;
      default:
        return x < 0.7 ? SZ : HQ;
    }
  }
  if (d.country === 'HK' || d.country === 'TW' || d.country === 'SG')
    return x < 0.5 ? SZ : x < 0.8 ? SH : HQ;
  if (d.country === 'KR') return x < 0.4 ? SH : x < 0.7 ? BJ : HQ;
  const region = countryByCode(d.country)?.region;
  if (region === 'eu_us' || region === 'de_jp') return x < 0.6 ? SH : x < 0.8 ? BJ : HQ;
  return x < 0.4 ? SH : x < 0.7 ? SZ : HQ;
}

/** 以商引商: an existing investor (not this one) and the person there who made the introduction. */
function referrerFor(rng: Rng, investors: readonly Investor[], self: Investor): string {
  let other = rng.pick(investors);
  if (other === self && investors.length > 1) other = rng.pick(investors);
  if (other === self) return `${rng.pick(surnames)[0]}总`;
  return `${other.nameZh}（${rng.pick(surnames)[0]}总）`;
}

function activityNote(
  rng: Rng,
  kind: ActivityKind,
  inv: Investor,
  contact: string,
  officeCity: string,
): string {
  const who = inv.short;
  const city = inv.city === HOME_CITY ? officeCity : inv.city;
  const topic = rng.pick(meetingTopics);
  const variant = rng.int(3);
  switch (kind) {
    case 'visit':
      return variant === 0
        ? `赴${city}拜访${who}${contact}，介绍开发区${rng.pick(pitches)}`
        : variant === 1
          ? `赴${city}与${who}${contact}座谈，了解企业${rng.pick(plans)}`
          : `走访${who}${city}总部，对接项目选址需求`;
    case 'reception':
      return variant === 0
        ? `${who}${contact}一行来访，实地察看${rng.pick(platforms)}`
        : `接待${who}${contact}，介绍${rng.pick(platforms)}载体情况`;
    case 'inspection':
      return variant === 0
        ? `${who}考察团考察拟选地块及周边配套`
        : `陪同${who}${contact}考察${rng.pick(platforms)}及园区企业`;
    case 'call':
      return variant === 0
        ? `电话沟通${rng.pick(callTopics)}`
        : `与${contact}电话沟通${rng.pick(callTopics)}`;
    case 'meeting':
      return variant === 0 ? `召开${who}项目推进会，协调${topic}` : `与${who}就${topic}进行会谈`;
    case 'fair':
      return variant === 0
        ? `经贸洽谈会期间与${who}洽谈合作`
        : `在展会上与${who}${contact}交流投资意向`;
    case 'video':
      return variant === 0
        ? `与${who}总部视频会议，讨论${topic}`
        : `与${contact}视频连线，沟通${topic}`;
  }
}
