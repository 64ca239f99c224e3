// Text written into the app's workbooks (台账 export, 月报). A cell holds at most Excel's 32,767
// characters. Text that Excel would take for a formula when someone edits the cell (= + - @ or a
// control character first, such as a project named 「=HYPERLINK(…)」) is marked quotePrefix, as
// Excel marks text typed after an apostrophe: stored as a string it is never evaluated on opening,
// and with quotePrefix it stays text when edited. Numbers are never touched.
// exceljs 4.4 does not write quotePrefix (exceljs/exceljs#2809 would add it, unmerged): its style
// writer is taught the one attribute here.
import type ExcelJS from 'exceljs';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';

/** Excel's limit on a cell's text. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/** A cell style that may carry quotePrefix (exceljs's Style type has no such field). */
export type TextStyle = Partial<ExcelJS.Style> & { quotePrefix?: boolean };

/** = + - @, or a C0 control character (tab, CR, LF …), first. */
export function startsLikeFormula(text: string): boolean {
  const first = text.charAt(0);
  return first !== '' && (first < ' ' || '=+-@'.includes(first));
}

/** Text cut to what a cell holds, never between the two halves of a surrogate pair. */
export function fitToCell(text: string): string {
  if (text.length <= EXCEL_MAX_CELL_CHARS) return text;
  const cut = text.slice(0, EXCEL_MAX_CELL_CHARS);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The style with quotePrefix added; `cache` keeps one object per style (exceljs registers each). */
export function quotedStyle(style: TextStyle, cache: Map<TextStyle, TextStyle>): TextStyle {
  let quoted = cache.get(style);
  if (!quoted) {
    quoted = { ...style, quotePrefix: true };
    cache.set(style, quoted);
  }
  return quoted;
}

/** Every text cell of an in-memory workbook cut to size, and marked where it looks like a formula. */
export function guardTextCells(workbook: ExcelJS.Workbook): void {
  const cache = new Map<TextStyle, TextStyle>();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value !== 'string') return;
        cell.value = fitToCell(cell.value);
        if (startsLikeFormula(cell.value)) cell.style = quotedStyle(cell.style, cache);
      }),
    );
  }
}

// ── exceljs's style writer, taught quotePrefix ─────────────────────────────────────────────────

const quoting = new WeakSet<object>();
const styles = StylesXform.prototype;
const addStyleModel = styles.addStyleModel;
const addStyle = styles._addStyle;

styles.addStyleModel = function (model, cellType) {
  if ((model as TextStyle | undefined)?.quotePrefix !== true) {
    return addStyleModel.call(this, model, cellType);
  }
  quoting.add(this);
  try {
    return addStyleModel.call(this, model, cellType);
  } finally {
    quoting.delete(this);
  }
};

styles._addStyle = function (style) {
  if (!quoting.has(this)) return addStyle.call(this, style);
  // exceljs's own _addStyle, with the attribute on the rendered <xf>.
  const xml = this.map.style.toXml(style).replace(/^<xf /, '<xf quotePrefix="1" ');
  let index = this.index.style[xml];
  if (index === undefined) {
    index = this.index.style[xml] = this.model.styles.length;
    this.model.styles.push(xml);
  }
  return index;
};
