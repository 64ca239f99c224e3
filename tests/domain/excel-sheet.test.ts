import { describe, expect, test } from 'vitest';
import { findHeader, readRow } from '../../domain/excel/sheet-reader';
import { parseAmount, parseDate, parseFlag } from '../../domain/excel/cell-values';

describe('cell values as typed in office ledgers', () => {
  test('amounts: numbers in the header unit, text with separators, text with its own unit', () => {
    expect(parseAmount(1200, '万元', '总投资')).toEqual({ value: 12_000_000 });
    expect(parseAmount('1,200', '万元', '总投资')).toEqual({ value: 12_000_000 });
    expect(parseAmount('1.2亿', '万元', '总投资')).toEqual({ value: 120_000_000 });
    expect(parseAmount('3000万美元', '美元', '合同外资')).toEqual({ value: 30_000_000 });
    expect(parseAmount(12.34567891, '亿元', '总投资')).toEqual({ value: 1_234_567_891 });
    expect(parseAmount('３００ 万元', '亿元', '总投资')).toEqual({ value: 3_000_000 });
    expect(parseAmount('5亿美元', '万元', '总投资')).toEqual({
      error: '总投资「5亿美元」的币种与表头（万元）不一致',
    });
    expect(parseAmount('约五千万', '万元', '总投资')).toHaveProperty('error');
  });

  test('dates: date cells, Excel serials, 2021年3月5日, 2021.3.5, 2021/3/5, 2021-03-05', () => {
    for (const value of [
      new Date(Date.UTC(2021, 2, 5)),
      44260,
      '2021年3月5日',
      '2021.3.5',
      '2021/3/5',
      '2021-03-05',
      '2021-03-05 00:00:00',
      '20210305',
    ]) {
      expect(parseDate(value, '签约日期')).toEqual({ value: '2021-03-05' });
    }
    expect(parseDate('2021年2月30日', '签约日期')).toEqual({
      error: '签约日期「2021年2月30日」不是存在的日期',
    });
    expect(parseDate(5, '签约日期')).toHaveProperty('error');
    expect(parseDate('下月', '签约日期')).toHaveProperty('error');
  });

  test('yes and no marks', () => {
    expect(parseFlag('是', '产业项目')).toEqual({ value: true });
    expect(parseFlag('√', '产业项目')).toEqual({ value: true });
    expect(parseFlag('否', '产业项目')).toEqual({ value: false });
    expect(parseFlag('也许', '产业项目')).toHaveProperty('error');
  });
});

describe('the header row and the columns', () => {
  test('is found under title rows, with synonyms and units read from the header', () => {
    const rows = [
      ['2021年上海驻点招商项目台账', null, null, null, null],
      ['填报单位：上海驻点', null, null, null, null],
      ['序号', '项目名称', '投资主体', '投资总额\n（万元）', '合同外资(万美元)', '备注'],
    ];
    const header = findHeader(rows);
    expect(header?.row).toBe(3);
    expect(header?.mapping.map((m) => [m.header, m.field, m.unit])).toEqual([
      ['序号', null, null],
      ['项目名称', 'name', null],
      ['投资主体', 'investor', null],
      ['投资总额\n（万元）', 'total', '万元'],
      ['合同外资(万美元)', 'contractedFdiUsd', '万美元'],
      ['备注', null, null],
    ]);
    expect(header?.mapping[0]?.note).toBe('由系统计算，导入时忽略');
  });

  test('a total without a unit is read in 万元 and says so', () => {
    const header = findHeader([['项目名称', '计划总投资', '国别']]);
    expect(header?.mapping[1]).toMatchObject({
      field: 'total',
      unit: '万元',
      note: '未注明单位，按万元读取',
    });
  });

  test('no header: null', () => {
    expect(
      findHeader([
        ['随便写的', '表格'],
        [1, 2],
      ]),
    ).toBeNull();
  });
});

describe('a data row', () => {
  const mapping = findHeader([
    ['序号', '项目名称', '投资方', '国别', '总投资（亿元）', '驻点', '当前阶段', '签约日期'],
  ])!.mapping;

  test('becomes project input in the API’s terms', () => {
    const reading = readRow(
      [1, ' 精密轴承项目 ', '宏达机械', '德国', '12.5', '上海驻点', '已签约', '2021年3月5日'],
      mapping,
    );
    expect(reading).toEqual({
      kind: 'project',
      errors: [],
      input: {
        name: '精密轴承项目',
        investor: '宏达机械',
        country: 'DE',
        totalInvestmentCny: 1_250_000_000,
        office: '上海',
        stage: 'signed',
        signedOn: '2021-03-05',
      },
    });
  });

  test('blank rows and subtotal rows are not projects', () => {
    expect(readRow([null, '', null, '—'], mapping)).toEqual({ kind: 'blank' });
    expect(readRow(['小计', null, null, null, 30], mapping)).toEqual({ kind: 'subtotal' });
    expect(readRow([null, '合计（12 个项目）', null, null, 30], mapping)).toEqual({
      kind: 'subtotal',
    });
  });

  test('an unknown country and a bad date are reasons, not crashes', () => {
    const reading = readRow(
      [2, '某项目', '某公司', '火星', '1', '上海', '在谈', '下个月'],
      mapping,
    );
    expect(reading.kind).toBe('project');
    if (reading.kind === 'project') {
      expect(reading.errors).toEqual([
        '国别/地区「火星」无法识别',
        '签约日期「下个月」不是可识别的日期（如 2021-03-05、2021年3月5日）',
      ]);
    }
  });
});

describe('headers as offices write them', () => {
  const read = (header: string) => findHeader([['项目名称', '投资方', header]])?.mapping[2];

  test('units inside brackets in their many spellings', () => {
    expect(read('总投资（亿）')).toMatchObject({ field: 'total', unit: '亿元' });
    expect(read('总投资（万元人民币）')).toMatchObject({ field: 'total', unit: '万元' });
    expect(read('总投资额（人民币亿元）')).toMatchObject({ field: 'total', unit: '亿元' });
    expect(read('总投资（USD万）')).toMatchObject({ field: 'total', unit: '万美元' });
    expect(read('合同外资(万美金)')).toMatchObject({ field: 'contractedFdiUsd', unit: '万美元' });
    expect(read('总投资亿元')).toMatchObject({ field: 'total', unit: '亿元' });
  });

  test('an unreadable unit ignores the column instead of guessing', () => {
    expect(read('总投资（千卢布）')).toMatchObject({
      field: null,
      note: '单位「千卢布」无法识别，忽略',
    });
    expect(read('用地面积（平方米）')).toMatchObject({ field: 'landAreaMu', areaFactor: 0.0015 });
    expect(read('用地（公顷）')).toMatchObject({ field: 'landAreaMu', areaFactor: 15 });
  });

  test('签约时间（计划） is the planned date; 项目名称（全称） is still the name', () => {
    expect(read('签约时间（计划）')).toMatchObject({ field: 'plannedSignedOn' });
    expect(findHeader([['项目名称（全称）', '投资方']])?.mapping[0]).toMatchObject({
      field: 'name',
    });
  });

  test('a row of units under the names gives the amounts their units', () => {
    const header = findHeader([
      ['项目名称', '总投资', '合同外资'],
      [null, '亿元', '万美元'],
      ['轴承项目', 10, 500],
    ]);
    expect(header).toMatchObject({ row: 1, firstDataRow: 3 });
    expect(header?.mapping.map((m) => [m.field, m.unit])).toEqual([
      ['name', null],
      ['total', '亿元'],
      ['contractedFdiUsd', '万美元'],
    ]);
  });

  test('a group header over its columns (时间节点 above 签约 | 开工) takes two rows', () => {
    const header = findHeader([
      ['序号', '项目名称', '总投资（亿元）', '时间节点', '时间节点'],
      ['序号', '项目名称', '总投资（亿元）', '签约', '开工'],
      [1, '轴承项目', 10, '2021-03-05', null],
    ]);
    expect(header).toMatchObject({ row: 1, firstDataRow: 3 });
    expect(header?.mapping.map((m) => m.field)).toEqual([
      null,
      'name',
      'total',
      'signedOn',
      'startedOn',
    ]);
  });
});

describe('rows that are not projects', () => {
  const mapping = findHeader([['序号', '项目名称', '投资方', '总投资（亿元）']])!.mapping;

  test('totals anywhere in the name, 其中 lines, notes, section titles, a repeated header', () => {
    expect(readRow([null, '上海驻点 合计', null, 20], mapping).kind).toBe('subtotal');
    expect(readRow([null, '其中：外资项目', null, 12], mapping).kind).toBe('subtotal');
    expect(readRow(['注：金额单位为亿元', null, null, null], mapping).kind).toBe('note');
    expect(readRow(['填报人：张三  电话：0573-12345678', null, null, null], mapping).kind).toBe(
      'note',
    );
    expect(readRow([null, '一、签约项目', null, null], mapping).kind).toBe('note');
    expect(
      readRow(['二、在谈项目', '二、在谈项目', '二、在谈项目', '二、在谈项目'], mapping).kind,
    ).toBe('note');
    expect(readRow(['序号', '项目名称', '投资方', '总投资（亿元）'], mapping).kind).toBe('note');
  });

  test('a formula without a result, or with an error, is a reason', () => {
    const reading = readRow([1, '轴承项目', '宏达', '#DIV/0!'], mapping);
    expect(reading).toMatchObject({
      kind: 'project',
      errors: ['总投资（亿元）的公式出错（#DIV/0!）'],
    });
  });

  test('an amount merged over two rows counts once', () => {
    const copied = (column: number) => column === 4;
    const reading = readRow([2, '轴承二期项目', '宏达', 10], mapping, copied);
    expect(reading).toMatchObject({ kind: 'project', input: { name: '轴承二期项目' } });
    if (reading.kind === 'project') expect(reading.input.totalInvestmentCny).toBeUndefined();
  });
});
