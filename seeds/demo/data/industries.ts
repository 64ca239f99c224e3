// Industries: which count as industrial (they need land), the words companies of each are named
// with, and the products their projects make.
import { industries } from '../../dictionaries';
import { pairs } from './word-list';
import type { Named } from './word-list';

export const NON_INDUSTRIAL = new Set(['生产性服务业', '总部经济', '现代物流']);

export interface IndustryInfo {
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

export const genericWords: readonly Named[] = [
  ['科技', 'Technologies'],
  ['工业', 'Industries'],
  ['国际', 'International'],
  ['制造', 'Manufacturing'],
];

export const industryInfos: readonly IndustryInfo[] = industries.map((label) => {
  const data = industryData[label];
  return {
    label,
    words: data ? pairs(data.words) : [['科技', 'Technologies']],
    products: data ? data.products.split(';') : [label],
  };
});
export const industrialIndices = industries.flatMap((l, i) => (NON_INDUSTRIAL.has(l) ? [] : [i]));
export const nonIndustrialIndices = industries.flatMap((l, i) =>
  NON_INDUSTRIAL.has(l) || l === '数字经济' ? [i] : [],
);

export const serviceArmIndices = industries.flatMap((l, i) =>
  l === '总部经济' || l === '生产性服务业' ? [i] : [],
);

export function industryIndex(label: string): number {
  const i = industries.indexOf(label);
  return i >= 0 ? i : 0;
}
