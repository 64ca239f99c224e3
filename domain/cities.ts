// Cities of an investor or project, and the 市外 rule of 市外内资: domestic money from outside
// 嘉兴市. The picker offers the prefecture-level cities (地级市, names as in GB/T 2260) of the
// provinces the zone's offices and investors meet most (长三角, 北京, 广东, 福建, 山东); any other city
// is typed as free text. A municipality (上海) is its own city.
import type { Province } from './vocabulary';

/** The zone's city: domestic capital from here is not 市外内资. */
export const HOME_CITY = '嘉兴市';

/** Districts and county-level cities of 嘉兴市: an investor typed as 海宁市 is in the city. */
const homeCounties = ['南湖区', '秀洲区', '嘉善县', '海盐县', '海宁市', '平湖市', '桐乡市'];

export const citiesByProvince: Partial<Record<Province, readonly string[]>> = {
  beijing: ['北京市'],
  tianjin: ['天津市'],
  shanghai: ['上海市'],
  chongqing: ['重庆市'],
  zhejiang: [
    '杭州市',
    '宁波市',
    '温州市',
    '嘉兴市',
    '湖州市',
    '绍兴市',
    '金华市',
    '衢州市',
    '舟山市',
    '台州市',
    '丽水市',
  ],
  jiangsu: [
    '南京市',
    '无锡市',
    '徐州市',
    '常州市',
    '苏州市',
    '南通市',
    '连云港市',
    '淮安市',
    '盐城市',
    '扬州市',
    '镇江市',
    '泰州市',
    '宿迁市',
  ],
  anhui: [
    '合肥市',
    '芜湖市',
    '蚌埠市',
    '淮南市',
    '马鞍山市',
    '淮北市',
    '铜陵市',
    '安庆市',
    '黄山市',
    '滁州市',
    '阜阳市',
    '宿州市',
    '六安市',
    '亳州市',
    '池州市',
    '宣城市',
  ],
  fujian: [
    '福州市',
    '厦门市',
    '莆田市',
    '三明市',
    '泉州市',
    '漳州市',
    '南平市',
    '龙岩市',
    '宁德市',
  ],
  shandong: [
    '济南市',
    '青岛市',
    '淄博市',
    '枣庄市',
    '东营市',
    '烟台市',
    '潍坊市',
    '济宁市',
    '泰安市',
    '威海市',
    '日照市',
    '临沂市',
    '德州市',
    '聊城市',
    '滨州市',
    '菏泽市',
  ],
  guangdong: [
    '广州市',
    '韶关市',
    '深圳市',
    '珠海市',
    '汕头市',
    '佛山市',
    '江门市',
    '湛江市',
    '茂名市',
    '肇庆市',
    '惠州市',
    '梅州市',
    '汕尾市',
    '河源市',
    '阳江市',
    '清远市',
    '东莞市',
    '中山市',
    '潮州市',
    '揭阳市',
    '云浮市',
  ],
};

/** The cities a picker offers for a province (none for the others: free text). */
export function citiesOf(province: string | null | undefined): readonly string[] {
  return (province && citiesByProvince[province as Province]) || [];
}

/** 嘉兴, 嘉兴市, 浙江省嘉兴市, 海宁 and 海宁市 all name the zone's city. */
export function isHomeCity(city: string): boolean {
  const name = city
    .trim()
    .replace(/^浙江省?/, '')
    .replace(/\s+/g, '');
  if (name === '') return false;
  if (name === HOME_CITY || `${name}市` === HOME_CITY || name.startsWith(HOME_CITY)) return true;
  return homeCounties.some((c) => c === name || c.slice(0, -1) === name);
}

/**
 * Whether domestic money from this place is 市外内资: 1 when the city is known and not 嘉兴市, or
 * when only the province is known and it is not 浙江; 0 for 嘉兴市; null when it cannot be told.
 */
export function outsideCityOf(
  city: string | null | undefined,
  province: string | null | undefined,
): 0 | 1 | null {
  if (city && city.trim() !== '') return isHomeCity(city) ? 0 : 1;
  if (province && province !== 'zhejiang') return 1;
  return null;
}
