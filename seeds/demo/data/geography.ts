// Where investors and offices are: the provinces and cities domestic investors come from, the mix of
// regions and countries of foreign ones, the zone's own city and the offices' code prefixes.
import type { Region } from '../../../domain/countries';
import type { OfficeKey, Province } from '../../../domain/vocabulary';
import { Weighted, weighted } from '../random';

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
export const domesticHome = new Weighted(
  domesticHomes,
  domesticHomes.map((h) => h[1]),
);
export const provinceLabel: Partial<Record<string, string>> = {
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
export const HOME_CITY = '嘉兴';

export const regionWeights = new Weighted<Region>(
  ['domestic', 'eu_us', 'de_jp', 'kr_sg_hk_tw', 'other_foreign'],
  [52, 14, 14, 13, 7],
);

export const composedCountries: Record<Exclude<Region, 'domestic'>, Weighted<string>> = {
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

export const OFFICE_PREFIX: Record<OfficeKey, string> = {
  hq: 'BB',
  shanghai: 'SH',
  beijing: 'BJ',
  shenzhen: 'SZ',
};
export const OFFICE_CITY: Record<OfficeKey, string> = {
  hq: '嘉兴',
  shanghai: '上海',
  beijing: '北京',
  shenzhen: '深圳',
};
