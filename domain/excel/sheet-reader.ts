// Reading an office's own 招商项目台账 sheet: the header row found under title rows, columns matched by
// name and synonym with their unit (sheet-layout.ts), and each row turned into project input or the
// reasons to reject it.
import type { ProjectCreateInput } from '../project-input';
import { milestones, stageLabels, stageOrder } from '../lifecycle';
import type { Stage } from '../lifecycle';
import { countryByCode, countryByName } from '../countries';
import type { AnyCurrency } from '../currencies';
import { provinceLikeCountries } from '../vocabulary';
import type { AmountUnit, CellValue, Parsed } from './cell-values';
import {
  amountUnits,
  cellText,
  currencyOf,
  isEmptyCell,
  parseAmount,
  parseDate,
  parseFlag,
  parseNumber,
} from './cell-values';
import { parseCurrency, settleCurrency } from './row-currency';
import { derivedNames, fieldSpecs } from './sheet-layout';
import type { DateField, FieldSpec, LabelField, SheetField, TextField } from './sheet-layout';

// ── reading a header ────────────────────────────────────────────────────────────────────────────

export interface ColumnMapping {
  /** 1-based column number in the sheet. */
  column: number;
  header: string;
  field: SheetField | null;
  unit: AmountUnit | null;
  /** For 用地: what one of the sheet's units is in 亩 (公顷 → 15). */
  areaFactor?: number;
  /** Why the column is ignored, or how its unit was chosen. */
  note: string | null;
}

const normalizeHeader = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')');

const byName = new Map<string, SheetField>();
for (const [field, spec] of Object.entries(fieldSpecs) as [SheetField, FieldSpec][]) {
  for (const name of spec.names) byName.set(normalizeHeader(name), field);
}
const derivedByName = new Set(Object.values(derivedNames).flat().map(normalizeHeader));

/** A unit as headers write it, in the app's terms: 亿 → 亿元, 万元人民币 → 万元, USD万 → 万美元. */
export function unitOf(text: string): string {
  const t = normalizeHeader(text)
    .replace(/^[(]|[)]$/g, '')
    .replace(/^单位[:：]?/, '')
    .replace(/人民币|rmb|cny/gi, '')
    .replace(/usd|us\$|美金/gi, '美元');
  const scale = /^(亿|万|千)?(元|美元)?$/.exec(t) ?? /^(美元)(亿|万|千)$/.exec(t);
  if (!scale || t === '') return t;
  const [magnitude, currency] = scale[1] === '美元' ? [scale[2], '美元'] : [scale[1], scale[2]];
  return `${magnitude ?? ''}${currency ?? '元'}`;
}

const areaFactors: Record<string, number> = { 亩: 1, 公顷: 15, 平方米: 0.0015, 万平方米: 15 };

/** "总投资（亿元）", "总投资/万元", "签约时间（计划）" → the name and what the brackets or suffix add. */
function splitHeader(header: string): { name: string; qualifier: string | null } {
  const text = normalizeHeader(header).replace(/[㎡]|m2|m²/gi, '平方米');
  const bracketed = /^(.*?)\(([^()]*)\)$/.exec(text);
  if (bracketed && bracketed[1]) return { name: bracketed[1], qualifier: bracketed[2] ?? null };
  const suffixed = /^(.*?)[/:：]?(亿美元|万美元|美元|亿元|万元|元|亿|万|亩|公顷|平方米)$/.exec(
    text,
  );
  if (suffixed?.[1] && byName.has(suffixed[1]))
    return { name: suffixed[1], qualifier: suffixed[2] ?? null };
  return { name: text, qualifier: null };
}

const plannedFor = new Map(milestones.map((m) => [m.actualKey as SheetField, m.plannedKey]));

function mapHeader(column: number, header: string): ColumnMapping {
  const { name, qualifier } = splitHeader(header);
  const field = byName.get(name) ?? null;
  const base: ColumnMapping = { column, header, field, unit: null, note: null };
  if (!field) {
    return { ...base, note: derivedByName.has(name) ? '由系统计算，导入时忽略' : '未识别，忽略' };
  }
  const spec = fieldSpecs[field];
  if (spec.kind === 'amount') {
    const unit = qualifier === null ? null : unitOf(qualifier);
    const known = amountUnits.find((u) => u === unit);
    if (qualifier !== null && !known) {
      return { ...base, field: null, note: `单位「${qualifier}」无法识别，忽略` };
    }
    if (field === 'contractedFdiUsd' && known && currencyOf(known) !== 'USD') {
      return { ...base, field: null, note: '合同外资须以美元计，忽略' };
    }
    const chosen = known ?? spec.defaultUnit ?? '元';
    return { ...base, unit: chosen, note: known ? null : `未注明单位，按${chosen}读取` };
  }
  if (field === 'landAreaMu' && qualifier !== null) {
    const factor = areaFactors[qualifier];
    if (factor === undefined)
      return { ...base, field: null, note: `单位「${qualifier}」无法识别，忽略` };
    return factor === 1
      ? base
      : { ...base, areaFactor: factor, note: `按 1 ${qualifier} = ${factor} 亩换算` };
  }
  // 签约时间（计划） is the planned date, not the actual one.
  const planned = plannedFor.get(field);
  if (planned && qualifier && /计划|预计/.test(qualifier)) return { ...base, field: planned };
  return base;
}

const MAX_HEADER_SEARCH = 30;

type Row = readonly CellValue[];

const mapRow = (cells: Row) =>
  cells
    .map((cell, i) =>
      typeof cell === 'string' && cell.trim() ? mapHeader(i + 1, cell.trim()) : null,
    )
    .filter((m): m is ColumnMapping => m !== null);

/** A row under the header that holds only units (亿元 | 万美元 | 亩): they belong to the columns above. */
function unitsRow(cells: Row | undefined): Map<number, string> | null {
  if (!cells) return null;
  const units = new Map<number, string>();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined || (typeof cell === 'string' && !cell.trim())) continue;
    if (typeof cell !== 'string') return null;
    const unit = unitOf(cell);
    if (!amountUnits.includes(unit as AmountUnit) && !(unit in areaFactors)) return null;
    units.set(i + 1, unit);
  }
  return units.size > 0 ? units : null;
}

/**
 * The header: among the first rows, the one naming the most known columns, which must include
 * 项目名称. Title rows above it and notes around it are skipped. A header may take two rows: a
 * group (时间节点) over its columns (签约 | 开工), or a row of units (亿元 | 万美元) under the names.
 */
export function findHeader(rows: readonly Row[]): {
  /** The header's first row, 1-based. */
  row: number;
  /** The first row of data, 1-based. */
  firstDataRow: number;
  mapping: ColumnMapping[];
} | null {
  let best: { row: number; firstDataRow: number; mapping: ColumnMapping[]; known: number } | null =
    null;
  const fields = (mapping: ColumnMapping[]) => mapping.filter((m) => m.field).length;
  for (let r = 0; r < Math.min(rows.length, MAX_HEADER_SEARCH); r++) {
    let mapping = mapRow(rows[r] ?? []);
    let firstDataRow = r + 2;
    const below = mapRow(rows[r + 1] ?? []);
    // Only a row that is itself a header (项目名称 merged down over two rows) takes the row below.
    if (fields(mapping) >= 1 && fields(below) >= 2) {
      // Two header rows: each column takes the lower row's name where it has one.
      const lower = new Map(below.filter((m) => m.field).map((m) => [m.column, m]));
      const combined = new Map(mapping.map((m) => [m.column, m]));
      for (const [column, m] of lower) {
        const upper = combined.get(column);
        if (!upper?.field || upper.field === m.field) combined.set(column, m);
      }
      const merged = [...combined.values()].sort((a, b) => a.column - b.column);
      if (fields(merged) > fields(mapping)) {
        mapping = merged;
        firstDataRow = r + 3;
      }
    }
    const known = fields(mapping);
    if (!mapping.some((m) => m.field === 'name') || known < 2) continue;
    const units = unitsRow(rows[firstDataRow - 1]);
    if (units) {
      mapping = mapping.map((m) => {
        const unit = units.get(m.column);
        return unit && m.field && m.note?.startsWith('未注明单位')
          ? mapHeader(m.column, `${m.header}(${unit})`)
          : m;
      });
      firstDataRow += 1;
    }
    if (!best || known > best.known)
      best = { row: r + 1, firstDataRow, mapping: dedupe(mapping), known };
  }
  return best && { row: best.row, firstDataRow: best.firstDataRow, mapping: best.mapping };
}

/** A field named twice is read from its first column (two totals in different currencies both stay). */
function dedupe(mapping: ColumnMapping[]): ColumnMapping[] {
  const seen = new Set<string>();
  return mapping.map((m) => {
    if (!m.field) return m;
    const key = m.field === 'total' && m.unit ? `total:${currencyOf(m.unit)}` : m.field;
    if (seen.has(key)) return { ...m, field: null, unit: null, note: '与前面的列重复，忽略' };
    seen.add(key);
    return m;
  });
}

// ── reading rows ────────────────────────────────────────────────────────────────────────────────

export type SheetRowInput = Omit<ProjectCreateInput, 'office' | 'channel'> & {
  office?: string;
  channel?: string;
};

export type RowReading =
  | { kind: 'project'; input: Partial<Record<keyof ProjectCreateInput, unknown>>; errors: string[] }
  | { kind: 'blank' }
  | { kind: 'subtotal' }
  /** A section title (一、签约项目), a note under the table (注：…, 填报人：…) or a repeated header. */
  | { kind: 'note' };

const subtotal = /合\s*计|小\s*计|总\s*计|共\s*计|累\s*计|^其中/;
const note =
  /^(注\s*\d*|备\s*注|说\s*明|填报人|填表人|制表人?|审核人?|联系人|联系电话|单位负责人|数据来源)\s*[:：.、]/;
const section = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;
const formulaError = /^#(公式未计算|N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;
const headerNames = new Set(fieldSpecs.name.names);

const stageWords: Record<string, Stage> = {
  ...Object.fromEntries(stageOrder.map((s) => [stageLabels[s], s])),
  储备: 'lead',
  信息: 'lead',
  洽谈: 'negotiating',
  在洽谈: 'negotiating',
  接洽: 'negotiating',
  摘牌: 'land_supplied',
  在建: 'started',
  建设: 'started',
  达产: 'producing',
  放弃: 'terminated',
  中止: 'terminated',
};

function parseStage(value: CellValue): Parsed<Stage> {
  const text = cellText(value).replace(/^已/, '');
  const stage = stageWords[text];
  return stage
    ? { value: stage }
    : {
        error: `当前阶段「${cellText(value)}」无法识别，可选：${stageOrder.map((s) => stageLabels[s]).join('、')}`,
      };
}

function parseCountry(value: CellValue): Parsed<string> {
  const text = cellText(value);
  const country =
    countryByName(text) ?? (/^[A-Za-z]{2}$/.test(text) ? countryByCode(text) : undefined);
  return country ? { value: country.code } : { error: `国别/地区「${text}」无法识别` };
}

// The words offices and people use for the vocabulary the app stores; anything else goes to the
// project schema as typed, which names the allowed values when it rejects one.
const labelWords: Partial<Record<LabelField, Record<string, string>>> = {
  office: { 总部: '本部', 嘉兴: '本部', 本部招商: '本部' },
  capitalType: { 市外内资: '内资', 境外: '外资', 境内: '内资' },
  projectType: { 增资扩产: '增资', 新项目: '新建', 新引进: '新建', 二期项目: '二期' },
  channel: {
    以商招商: '以商引商',
    委托: '委托招商',
    驻点: '驻点招商',
    网上招商: '云招商',
    视频招商: '云招商',
    展会招商: '展会',
    上门: '上门/来访',
    来访: '上门/来访',
  },
};

function labelValue(field: LabelField, value: CellValue): string {
  let text = cellText(value);
  if (field === 'office') text = text.replace(/(驻点|办事处|招商处|办)$/, '') || text;
  return labelWords[field]?.[text] ?? text;
}

/**
 * One data row against the header's mapping: blank, a subtotal or note line, or project input with
 * errors. `copied(column)` says a cell only repeats a merged cell above it: an amount merged over a
 * 一期/二期 pair belongs to the first row, not to both.
 */
export function readRow(
  cells: readonly CellValue[],
  mapping: readonly ColumnMapping[],
  copied: (column: number) => boolean = () => false,
): RowReading {
  const mapped = mapping.filter((m) => m.field);
  const present = mapped.filter((m) => !isEmptyCell(cells[m.column - 1] ?? null));
  const texts = cells.map((c) => cellText(c ?? null)).filter((t) => t !== '');
  const leading = cells.slice(0, 4).map((c) => cellText(c ?? null));
  const nameCell = mapped.find((m) => m.field === 'name');
  const nameText = nameCell ? cellText(cells[nameCell.column - 1] ?? null) : '';
  if (
    subtotal.test(nameText) ||
    leading.some((t) => /^(合\s*计|小\s*计|总\s*计|共\s*计|其中)/.test(t))
  ) {
    return { kind: 'subtotal' };
  }
  const first = texts[0] ?? '';
  const oneText = texts.length > 0 && texts.every((t) => t === first); // merged across the row
  if (
    note.test(first) ||
    section.test(nameText || first) ||
    headerNames.has(nameText) ||
    (oneText && texts.length > 2)
  ) {
    return { kind: 'note' };
  }
  if (present.length === 0) return { kind: 'blank' };

  const input: Partial<Record<keyof ProjectCreateInput, unknown>> = {};
  const errors: string[] = [];
  const take = <T>(parsed: Parsed<T>, set: (value: T) => void) => {
    if ('error' in parsed) errors.push(parsed.error);
    else set(parsed.value);
  };
  let usdTotal = false;
  let currency: AnyCurrency | undefined;
  const amounts: { cny?: number; usd?: number; original?: number } = {};
  for (const m of present) {
    const field = m.field as SheetField;
    const value = cells[m.column - 1] ?? null;
    const spec = fieldSpecs[field];
    const label = fieldSpecs[field].names[0] ?? field;
    if (typeof value === 'string' && formulaError.test(value)) {
      errors.push(
        value === '#公式未计算'
          ? `${m.header}是没有计算结果的公式（请在 Excel 或 WPS 中打开并保存后再导入）`
          : `${m.header}的公式出错（${value}）`,
      );
      continue;
    }
    if ((spec.kind === 'amount' || spec.kind === 'number') && copied(m.column)) continue;
    switch (spec.kind) {
      case 'text':
        input[field as TextField] = cellText(value);
        break;
      case 'label': {
        const text = cellText(value);
        // 市外内资 stays distinct from 内资: the project's own 市外 override.
        if (field === 'capitalType' && text === '市外内资') input.outsideCity = true;
        // 香港, 台湾, 澳门 in a 省份 column are countries/regions (中国香港 …), never provinces.
        const country = field === 'province' ? provinceLikeCountries[text] : undefined;
        if (country) {
          input.country ??= country;
          break;
        }
        input[field as LabelField] = labelValue(field as LabelField, value);
        break;
      }
      case 'date':
        take(parseDate(value, label), (v) => (input[field as DateField] = v));
        break;
      case 'country':
        take(parseCountry(value), (v) => (input.country = v));
        break;
      case 'flag':
        take(parseFlag(value, label), (v) => (input[field as 'industrial' | 'leaderProject'] = v));
        break;
      case 'stage':
        take(parseStage(value), (v) => (input.stage = v));
        break;
      case 'currency':
        take(parseCurrency(value), (v) => (currency = v));
        break;
      case 'number':
        take(parseNumber(value, label), (v) => {
          input.landAreaMu = v * (m.areaFactor ?? 1);
        });
        break;
      case 'amount': {
        const unit = m.unit ?? spec.defaultUnit ?? '元';
        take(parseAmount(value, unit, m.header), (v) => {
          if (field === 'contractedFdiUsd') input.contractedFdiUsd = v;
          else if (field === 'totalOriginal') amounts.original = v;
          else if (currencyOf(unit) === 'USD') {
            amounts.usd ??= v;
            usdTotal = true;
            input.totalInvestmentUsd = v;
            delete input.totalInvestmentCny;
          } else {
            amounts.cny ??= v;
            if (!usdTotal) input.totalInvestmentCny = v;
          }
        });
        break;
      }
    }
  }
  settleCurrency(input, currency, amounts, errors);
  if (!nameText) errors.unshift('项目名称为空');
  return { kind: 'project', input, errors };
}
