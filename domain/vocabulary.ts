// The fixed enumerations that validation accepts: offices, capital types, project types, ownerships,
// channels, activity kinds, investor flags and provinces. Each is written once as key → label and
// yields a `...Keys` tuple for z.enum and a `{ key, label }` list for pickers; stored values are
// keys, people see and type labels.

export interface Entry<K extends string> {
  key: K;
  label: string;
}

/** The Chinese label of a stored key (the key itself if the list does not know it). */
export function labelOf(list: readonly Entry<string>[], key: string): string;
export function labelOf(list: readonly Entry<string>[], key: string | null): string | null;
export function labelOf(list: readonly Entry<string>[], key: string | null): string | null {
  return key === null ? null : (list.find((e) => e.key === key)?.label ?? key);
}

/** A vocabulary's keys (in the written order) and its entries, from one key → label table. */
function vocabulary<K extends string>(
  labels: Record<K, string>,
): { keys: readonly [K, ...K[]]; entries: Entry<K>[] } {
  const keys = Object.keys(labels) as [K, ...K[]];
  return { keys, entries: keys.map((key) => ({ key, label: labels[key] })) };
}

export const { keys: officeKeys, entries: offices } = vocabulary({
  hq: '本部',
  shanghai: '上海',
  beijing: '北京',
  shenzhen: '深圳',
});
export type OfficeKey = (typeof officeKeys)[number];

/** Two letters that start an office's 项目编号 (SH2021-0007); offices added later use ZS. */
export function officeCode(key: string): string {
  const codes: Record<string, string> = { hq: 'BB', shanghai: 'SH', beijing: 'BJ', shenzhen: 'SZ' };
  return codes[key] ?? 'ZS';
}

/** The CLI and users name an office by its Chinese label (上海). */
export function officeByLabel(label: string): Entry<OfficeKey> | undefined {
  return offices.find((o) => o.label === label.trim());
}

export const { keys: capitalTypeKeys, entries: capitalTypes } = vocabulary({
  foreign: '外资',
  domestic: '内资',
});
export type CapitalType = (typeof capitalTypeKeys)[number];

export const { keys: projectTypeKeys, entries: projectTypes } = vocabulary({
  new: '新建',
  expansion: '增资',
  phase2: '二期',
  tech_renovation: '技改',
});
export type ProjectType = (typeof projectTypeKeys)[number];

// Ownership of a domestic investor. `foreign` is a foreign-controlled company registered in China
// investing as domestic capital; an investor abroad needs no ownership (its region says enough).
export const { keys: ownershipKeys, entries: ownerships } = vocabulary({
  central_soe: '央企',
  local_soe: '地方国企',
  private: '民企',
  foreign: '外资企业',
});
export type Ownership = (typeof ownershipKeys)[number];

/** The extra field a channel requires on the project. */
export type ChannelNeed = 'referrer' | 'agent' | 'fairEdition';

const channelVocabulary = vocabulary({
  referral: '以商引商',
  agent: '委托招商',
  resident: '驻点招商',
  online: '云招商',
  fair: '展会',
  direct: '上门/来访',
});
export const channelKeys = channelVocabulary.keys;
export type Channel = (typeof channelKeys)[number];
const channelNeeds: Partial<Record<Channel, ChannelNeed>> = {
  referral: 'referrer',
  agent: 'agent',
  fair: 'fairEdition',
};
export const channels: (Entry<Channel> & { needs: ChannelNeed | null })[] =
  channelVocabulary.entries.map((c) => ({ ...c, needs: channelNeeds[c.key] ?? null }));

// 拜访 is our visit to them; 来访 their visit to us; 考察 an investor's site inspection.
export const { keys: activityKindKeys, entries: activityKinds } = vocabulary({
  visit: '拜访',
  reception: '来访',
  inspection: '考察',
  call: '电话',
  meeting: '会谈',
  fair: '展会',
  video: '视频',
});
export type ActivityKind = (typeof activityKindKeys)[number];

export const { keys: investorFlagKeys, entries: investorFlags } = vocabulary({
  fortune500: '世界500强',
  china100: '国内100强',
  centralSoe: '央企',
  listed: '上市公司',
  wellKnown: '知名企业',
});
export type InvestorFlag = (typeof investorFlagKeys)[number];

// The 31 provincial-level divisions of the mainland, in the order of the national division codes
// (GB/T 2260). 中国香港, 中国台湾 and 中国澳门 are never provinces of domestic capital: they are
// countries/regions (HK, TW, MO) of region 韩新港台. Older versions offered them as provinces; a
// stored or synced row may still hold those keys (legacyProvinceCountries), read as the country.
const provinceVocabulary = vocabulary({
  beijing: '北京',
  tianjin: '天津',
  hebei: '河北',
  shanxi: '山西',
  neimenggu: '内蒙古',
  liaoning: '辽宁',
  jilin: '吉林',
  heilongjiang: '黑龙江',
  shanghai: '上海',
  jiangsu: '江苏',
  zhejiang: '浙江',
  anhui: '安徽',
  fujian: '福建',
  jiangxi: '江西',
  shandong: '山东',
  henan: '河南',
  hubei: '湖北',
  hunan: '湖南',
  guangdong: '广东',
  guangxi: '广西',
  hainan: '海南',
  chongqing: '重庆',
  sichuan: '四川',
  guizhou: '贵州',
  yunnan: '云南',
  xizang: '西藏',
  shaanxi: '陕西',
  gansu: '甘肃',
  qinghai: '青海',
  ningxia: '宁夏',
  xinjiang: '新疆',
});
export const provinceKeys = provinceVocabulary.keys;
export type Province = (typeof provinceKeys)[number];

/** The province keys older versions stored for 台湾, 香港 and 澳门, with the country each means. */
export const legacyProvinceCountries: Readonly<Record<string, string>> = {
  taiwan: 'TW',
  hongkong: 'HK',
  macao: 'MO',
};

/** Labels people type as a province that name a country/region instead (香港 → HK). */
export const provinceLikeCountries: Readonly<Record<string, string>> = {
  台湾: 'TW',
  台湾省: 'TW',
  中国台湾: 'TW',
  香港: 'HK',
  香港特别行政区: 'HK',
  中国香港: 'HK',
  澳门: 'MO',
  澳门特别行政区: 'MO',
  中国澳门: 'MO',
};

/** 长三角: the Yangtze River Delta, reported as its own bucket. */
const yrdKeys: readonly Province[] = ['shanghai', 'jiangsu', 'zhejiang', 'anhui'];

export const provinces: (Entry<Province> & { yrd: boolean })[] = provinceVocabulary.entries.map(
  (p) => ({ ...p, yrd: yrdKeys.includes(p.key) }),
);

/** The provinces with the keys of older versions (labelled 中国台湾 …): what a stored row may hold. */
export const storedProvinces: readonly Entry<string>[] = [
  ...provinces,
  { key: 'taiwan', label: '中国台湾' },
  { key: 'hongkong', label: '中国香港' },
  { key: 'macao', label: '中国澳门' },
];

const provinceSuffix = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

/** Finds a province by short or full name: 江苏, 江苏省, 广西壮族自治区. */
export function provinceByLabel(label: string): (typeof provinces)[number] | undefined {
  const short = label.trim().replace(provinceSuffix, '');
  return provinces.find((p) => p.label === short);
}

/** The project fields whose stored value is a key of a vocabulary, with the list that labels it. */
export const projectFieldVocabularies = new Map<string, readonly Entry<string>[]>([
  ['province', provinces],
  ['ownership', ownerships],
  ['capitalType', capitalTypes],
  ['projectType', projectTypes],
  ['channel', channels],
  ['office', offices],
]) as ReadonlyMap<string, readonly Entry<string>[]>;
