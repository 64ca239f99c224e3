// Parts of company names: foreign brands and legal forms by country, Chinese brand syllables, the
// forms of a group's China arm and of a city's investment groups, and notes on investors.
import type { NameStyle } from './people';
import { pairs, syllables } from './word-list';
import type { Named } from './word-list';

// Foreign company name parts by country: brands [zh, en], legal forms in Chinese and English.
interface ForeignParts {
  brands: readonly Named[];
  legalZh: readonly string[];
  legalEn: readonly string[];
  style: NameStyle;
  cities: readonly string[];
}

export const chinaHqCities = ['上海', '上海', '上海', '北京', '苏州', '深圳'];

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

export const foreignParts: Record<string, ForeignParts> = {
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
export const offshore = new Set(['VG', 'KY', 'BM', 'MU']);

// Chinese brand syllables for domestic and offshore companies.
export const brandFirst = syllables(
  '恒heng 华hua 瑞rui 鑫xin 泰tai 宏hong 盛sheng 天tian 新xin 中zhong 金jin 永yong 德de 海hai 东dong ' +
    '万wan 远yuan 安an 凯kai 博bo 鼎ding 正zheng 长chang 锦jin 嘉jia 汇hui 明ming 通tong 荣rong 兴xing',
);
export const brandSecond = syllables(
  '信xin 达da 源yuan 丰feng 升sheng 发fa 隆long 辉hui 创chuang 科ke 腾teng 诚cheng 联lian 力li 晟sheng ' +
    '宇yu 杰jie 航hang 越yue 润run 峰feng 成cheng 智zhi 光guang 禾he 邦bang 驰chi 辰chen 芯xin 奥ao',
);

/** A real group's China holding or trading arm: 西门子（中国）投资有限公司. */
export const subsidiaryForms: readonly Named[] = [
  ['（中国）投资有限公司', '(China) Investment Co., Ltd.'],
  ['（中国）有限公司', '(China) Co., Ltd.'],
  ['（上海）贸易有限公司', '(Shanghai) Trading Co., Ltd.'],
  ['亚太控股有限公司', 'Asia Pacific Holdings Ltd.'],
];

// A city's state-owned investment groups (they co-invest through industry funds): 苏州产业投资集团.
export const localSoeKinds: readonly Named[] = [
  ['国有资本投资运营', '国投'],
  ['产业投资', '产投'],
  ['工业投资', '工投'],
  ['科技创新投资', '科投'],
];

export const investorNotes = [
  '已在长三角设有生产基地',
  '正在华东地区寻找新的生产基地',
  '计划扩大在华产能',
  '拟设立区域总部',
  '关注土地和人才政策',
];
