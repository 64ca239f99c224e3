// Real groups, foreign and domestic, that appear under their own names beside the composed ones.
import type { Ownership } from '../../../domain/vocabulary';
import { industryIndex } from './industries';

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

export interface RealGroup {
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

export const realForeignGroups = parseGroups(realForeign);
export const realDomesticGroups = parseGroups(realDomestic);
