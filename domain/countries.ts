// Countries and regions an investor's ultimate parent can be headquartered in, and the source-region rule
// (来源地区) the zone reports by: 欧美, 德日, 韩新港台, 其他境外, 境内.

export type Region = 'eu_us' | 'de_jp' | 'kr_sg_hk_tw' | 'other_foreign' | 'domestic';

export const regionLabels: Record<Region, string> = {
  eu_us: '欧美',
  de_jp: '德日',
  kr_sg_hk_tw: '韩新港台',
  other_foreign: '其他境外',
  domestic: '境内',
};

export const regionOrder: readonly Region[] = [
  'eu_us',
  'de_jp',
  'kr_sg_hk_tw',
  'other_foreign',
  'domestic',
];

export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  /** Name as in Chinese government statistics (中国香港, never bare 香港). */
  nameZh: string;
  nameEn: string;
  region: Region;
}

type Row = readonly [code: string, nameZh: string, nameEn: string];

// Europe as listed by the Chinese Ministry of Foreign Affairs (so Russia is in, Turkey and Cyprus are not).
const europe: readonly Row[] = [
  ['AD', '安道尔', 'Andorra'],
  ['AL', '阿尔巴尼亚', 'Albania'],
  ['AT', '奥地利', 'Austria'],
  ['BA', '波黑', 'Bosnia and Herzegovina'],
  ['BE', '比利时', 'Belgium'],
  ['BG', '保加利亚', 'Bulgaria'],
  ['BY', '白俄罗斯', 'Belarus'],
  ['CH', '瑞士', 'Switzerland'],
  ['CZ', '捷克', 'Czechia'],
  ['DE', '德国', 'Germany'],
  ['DK', '丹麦', 'Denmark'],
  ['EE', '爱沙尼亚', 'Estonia'],
  ['ES', '西班牙', 'Spain'],
  ['FI', '芬兰', 'Finland'],
  ['FR', '法国', 'France'],
  ['GB', '英国', 'United Kingdom'],
  ['GR', '希腊', 'Greece'],
  ['HR', '克罗地亚', 'Croatia'],
  ['HU', '匈牙利', 'Hungary'],
  ['IE', '爱尔兰', 'Ireland'],
  ['IS', '冰岛', 'Iceland'],
  ['IT', '意大利', 'Italy'],
  ['LI', '列支敦士登', 'Liechtenstein'],
  ['LT', '立陶宛', 'Lithuania'],
  ['LU', '卢森堡', 'Luxembourg'],
  ['LV', '拉脱维亚', 'Latvia'],
  ['MC', '摩纳哥', 'Monaco'],
  ['MD', '摩尔多瓦', 'Moldova'],
  ['ME', '黑山', 'Montenegro'],
  ['MK', '北马其顿', 'North Macedonia'],
  ['MT', '马耳他', 'Malta'],
  ['NL', '荷兰', 'Netherlands'],
  ['NO', '挪威', 'Norway'],
  ['PL', '波兰', 'Poland'],
  ['PT', '葡萄牙', 'Portugal'],
  ['RO', '罗马尼亚', 'Romania'],
  ['RS', '塞尔维亚', 'Serbia'],
  ['RU', '俄罗斯', 'Russia'],
  ['SE', '瑞典', 'Sweden'],
  ['SI', '斯洛文尼亚', 'Slovenia'],
  ['SK', '斯洛伐克', 'Slovakia'],
  ['SM', '圣马力诺', 'San Marino'],
  ['UA', '乌克兰', 'Ukraine'],
  ['VA', '梵蒂冈', 'Vatican City'],
];

// North America means the United States and Canada only. Mexico, Central America, the Caribbean
// (including offshore holding domiciles such as Bermuda) and South America count as 其他境外.
const northAmerica: readonly Row[] = [
  ['CA', '加拿大', 'Canada'],
  ['US', '美国', 'United States'],
];

const asia: readonly Row[] = [
  ['AE', '阿联酋', 'United Arab Emirates'],
  ['AF', '阿富汗', 'Afghanistan'],
  ['AM', '亚美尼亚', 'Armenia'],
  ['AZ', '阿塞拜疆', 'Azerbaijan'],
  ['BD', '孟加拉国', 'Bangladesh'],
  ['BH', '巴林', 'Bahrain'],
  ['BN', '文莱', 'Brunei'],
  ['BT', '不丹', 'Bhutan'],
  ['CY', '塞浦路斯', 'Cyprus'],
  ['GE', '格鲁吉亚', 'Georgia'],
  ['HK', '中国香港', 'Hong Kong, China'],
  ['ID', '印度尼西亚', 'Indonesia'],
  ['IL', '以色列', 'Israel'],
  ['IN', '印度', 'India'],
  ['IQ', '伊拉克', 'Iraq'],
  ['IR', '伊朗', 'Iran'],
  ['JO', '约旦', 'Jordan'],
  ['JP', '日本', 'Japan'],
  ['KG', '吉尔吉斯斯坦', 'Kyrgyzstan'],
  ['KH', '柬埔寨', 'Cambodia'],
  ['KP', '朝鲜', 'North Korea'],
  ['KR', '韩国', 'South Korea'],
  ['KW', '科威特', 'Kuwait'],
  ['KZ', '哈萨克斯坦', 'Kazakhstan'],
  ['LA', '老挝', 'Laos'],
  ['LB', '黎巴嫩', 'Lebanon'],
  ['LK', '斯里兰卡', 'Sri Lanka'],
  ['MM', '缅甸', 'Myanmar'],
  ['MN', '蒙古', 'Mongolia'],
  ['MO', '中国澳门', 'Macao, China'],
  ['MV', '马尔代夫', 'Maldives'],
  ['MY', '马来西亚', 'Malaysia'],
  ['NP', '尼泊尔', 'Nepal'],
  ['OM', '阿曼', 'Oman'],
  ['PH', '菲律宾', 'Philippines'],
  ['PK', '巴基斯坦', 'Pakistan'],
  ['PS', '巴勒斯坦', 'Palestine'],
  ['QA', '卡塔尔', 'Qatar'],
  ['SA', '沙特阿拉伯', 'Saudi Arabia'],
  ['SG', '新加坡', 'Singapore'],
  ['SY', '叙利亚', 'Syria'],
  ['TH', '泰国', 'Thailand'],
  ['TJ', '塔吉克斯坦', 'Tajikistan'],
  ['TL', '东帝汶', 'Timor-Leste'],
  ['TM', '土库曼斯坦', 'Turkmenistan'],
  ['TR', '土耳其', 'Turkey'],
  ['TW', '中国台湾', 'Taiwan, China'],
  ['UZ', '乌兹别克斯坦', 'Uzbekistan'],
  ['VN', '越南', 'Vietnam'],
  ['YE', '也门', 'Yemen'],
];

const oceania: readonly Row[] = [
  ['AU', '澳大利亚', 'Australia'],
  ['FJ', '斐济', 'Fiji'],
  ['FM', '密克罗尼西亚联邦', 'Micronesia'],
  ['KI', '基里巴斯', 'Kiribati'],
  ['MH', '马绍尔群岛', 'Marshall Islands'],
  ['NR', '瑙鲁', 'Nauru'],
  ['NZ', '新西兰', 'New Zealand'],
  ['PG', '巴布亚新几内亚', 'Papua New Guinea'],
  ['PW', '帕劳', 'Palau'],
  ['SB', '所罗门群岛', 'Solomon Islands'],
  ['TO', '汤加', 'Tonga'],
  ['TV', '图瓦卢', 'Tuvalu'],
  ['VU', '瓦努阿图', 'Vanuatu'],
  ['WS', '萨摩亚', 'Samoa'],
];

// Latin America, the Caribbean and the offshore domiciles of the western Atlantic.
const otherAmericas: readonly Row[] = [
  ['AG', '安提瓜和巴布达', 'Antigua and Barbuda'],
  ['AR', '阿根廷', 'Argentina'],
  ['BB', '巴巴多斯', 'Barbados'],
  ['BM', '百慕大', 'Bermuda'],
  ['BO', '玻利维亚', 'Bolivia'],
  ['BR', '巴西', 'Brazil'],
  ['BS', '巴哈马', 'Bahamas'],
  ['BZ', '伯利兹', 'Belize'],
  ['CL', '智利', 'Chile'],
  ['CO', '哥伦比亚', 'Colombia'],
  ['CR', '哥斯达黎加', 'Costa Rica'],
  ['CU', '古巴', 'Cuba'],
  ['DM', '多米尼克', 'Dominica'],
  ['DO', '多米尼加', 'Dominican Republic'],
  ['EC', '厄瓜多尔', 'Ecuador'],
  ['GD', '格林纳达', 'Grenada'],
  ['GT', '危地马拉', 'Guatemala'],
  ['GY', '圭亚那', 'Guyana'],
  ['HN', '洪都拉斯', 'Honduras'],
  ['HT', '海地', 'Haiti'],
  ['JM', '牙买加', 'Jamaica'],
  ['KN', '圣基茨和尼维斯', 'Saint Kitts and Nevis'],
  ['KY', '开曼群岛', 'Cayman Islands'],
  ['LC', '圣卢西亚', 'Saint Lucia'],
  ['MX', '墨西哥', 'Mexico'],
  ['NI', '尼加拉瓜', 'Nicaragua'],
  ['PA', '巴拿马', 'Panama'],
  ['PE', '秘鲁', 'Peru'],
  ['PY', '巴拉圭', 'Paraguay'],
  ['SR', '苏里南', 'Suriname'],
  ['SV', '萨尔瓦多', 'El Salvador'],
  ['TT', '特立尼达和多巴哥', 'Trinidad and Tobago'],
  ['UY', '乌拉圭', 'Uruguay'],
  ['VC', '圣文森特和格林纳丁斯', 'Saint Vincent and the Grenadines'],
  ['VE', '委内瑞拉', 'Venezuela'],
  ['VG', '英属维尔京群岛', 'British Virgin Islands'],
];

const africa: readonly Row[] = [
  ['AO', '安哥拉', 'Angola'],
  ['BF', '布基纳法索', 'Burkina Faso'],
  ['BI', '布隆迪', 'Burundi'],
  ['BJ', '贝宁', 'Benin'],
  ['BW', '博茨瓦纳', 'Botswana'],
  ['CD', '刚果（金）', 'DR Congo'],
  ['CF', '中非', 'Central African Republic'],
  ['CG', '刚果（布）', 'Republic of the Congo'],
  ['CI', '科特迪瓦', "Côte d'Ivoire"],
  ['CM', '喀麦隆', 'Cameroon'],
  ['CV', '佛得角', 'Cabo Verde'],
  ['DJ', '吉布提', 'Djibouti'],
  ['DZ', '阿尔及利亚', 'Algeria'],
  ['EG', '埃及', 'Egypt'],
  ['ER', '厄立特里亚', 'Eritrea'],
  ['ET', '埃塞俄比亚', 'Ethiopia'],
  ['GA', '加蓬', 'Gabon'],
  ['GH', '加纳', 'Ghana'],
  ['GM', '冈比亚', 'Gambia'],
  ['GN', '几内亚', 'Guinea'],
  ['GQ', '赤道几内亚', 'Equatorial Guinea'],
  ['GW', '几内亚比绍', 'Guinea-Bissau'],
  ['KE', '肯尼亚', 'Kenya'],
  ['KM', '科摩罗', 'Comoros'],
  ['LR', '利比里亚', 'Liberia'],
  ['LS', '莱索托', 'Lesotho'],
  ['LY', '利比亚', 'Libya'],
  ['MA', '摩洛哥', 'Morocco'],
  ['MG', '马达加斯加', 'Madagascar'],
  ['ML', '马里', 'Mali'],
  ['MR', '毛里塔尼亚', 'Mauritania'],
  ['MU', '毛里求斯', 'Mauritius'],
  ['MW', '马拉维', 'Malawi'],
  ['MZ', '莫桑比克', 'Mozambique'],
  ['NA', '纳米比亚', 'Namibia'],
  ['NE', '尼日尔', 'Niger'],
  ['NG', '尼日利亚', 'Nigeria'],
  ['RW', '卢旺达', 'Rwanda'],
  ['SC', '塞舌尔', 'Seychelles'],
  ['SD', '苏丹', 'Sudan'],
  ['SL', '塞拉利昂', 'Sierra Leone'],
  ['SN', '塞内加尔', 'Senegal'],
  ['SO', '索马里', 'Somalia'],
  ['SS', '南苏丹', 'South Sudan'],
  ['ST', '圣多美和普林西比', 'Sao Tome and Principe'],
  ['SZ', '斯威士兰', 'Eswatini'],
  ['TD', '乍得', 'Chad'],
  ['TG', '多哥', 'Togo'],
  ['TN', '突尼斯', 'Tunisia'],
  ['TZ', '坦桑尼亚', 'Tanzania'],
  ['UG', '乌干达', 'Uganda'],
  ['ZA', '南非', 'South Africa'],
  ['ZM', '赞比亚', 'Zambia'],
  ['ZW', '津巴布韦', 'Zimbabwe'],
];

const specialRegions: Partial<Record<string, Region>> = {
  DE: 'de_jp',
  JP: 'de_jp',
  KR: 'kr_sg_hk_tw',
  SG: 'kr_sg_hk_tw',
  HK: 'kr_sg_hk_tw',
  TW: 'kr_sg_hk_tw',
  MO: 'kr_sg_hk_tw',
};

function withRegion(rows: readonly Row[], usual: Region): Country[] {
  return rows.map(([code, nameZh, nameEn]) => ({
    code,
    nameZh,
    nameEn,
    region: specialRegions[code] ?? usual,
  }));
}

const china: Country = { code: 'CN', nameZh: '中国', nameEn: 'China', region: 'domestic' };

/** Sorted by code. China itself is the one 境内 entry. */
export const countries: readonly Country[] = [
  china,
  ...withRegion(europe, 'eu_us'),
  ...withRegion(northAmerica, 'eu_us'),
  ...withRegion(asia, 'other_foreign'),
  ...withRegion(oceania, 'other_foreign'),
  ...withRegion(otherAmericas, 'other_foreign'),
  ...withRegion(africa, 'other_foreign'),
].sort((a, b) => a.code.localeCompare(b.code));

const byCode = new Map(countries.map((c) => [c.code, c]));

/** Case-insensitive lookup by ISO code. */
export function countryByCode(code: string): Country | undefined {
  return byCode.get(code.trim().toUpperCase());
}

export function regionOf(code: string): Region {
  const country = countryByCode(code);
  if (!country) throw new Error(`Unknown country code: ${code}`);
  return country.region;
}

// Names found in ledgers and imports besides nameZh / nameEn.
const aliases: Record<string, string> = {
  香港: 'HK',
  台湾: 'TW',
  澳门: 'MO',
  中国大陆: 'CN',
  中国内地: 'CN',
  大韩民国: 'KR',
  南韩: 'KR',
  俄罗斯联邦: 'RU',
  阿拉伯联合酋长国: 'AE',
  波斯尼亚和黑塞哥维那: 'BA',
  英属维京群岛: 'VG',
  埃斯瓦蒂尼: 'SZ',
  USA: 'US',
  UK: 'GB',
};

const byName = new Map<string, Country>();
for (const c of countries) {
  byName.set(c.nameZh, c);
  byName.set(c.nameEn.toLowerCase(), c);
}
for (const [alias, code] of Object.entries(aliases)) {
  const country = byCode.get(code);
  if (country) byName.set(alias.toLowerCase(), country);
}

/** Lookup by Chinese or English name or a common alias (香港 finds 中国香港), for imported ledgers. */
export function countryByName(name: string): Country | undefined {
  return byName.get(name.trim().toLowerCase());
}
