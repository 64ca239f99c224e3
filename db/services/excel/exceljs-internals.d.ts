// The parts of exceljs that xlsx-text.ts and sheet-rows-xml.ts use beyond its typed API (exceljs
// ships no types for them).
declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  export interface StylesXform {
    addStyleModel(model: unknown, cellType?: number): number;
    _addStyle(style: object): number;
    map: { style: { toXml(model: object): string } };
    index: { style: Record<string, number | undefined> };
    model: { styles: string[] };
  }
  const StylesXform: { prototype: StylesXform };
  export default StylesXform;
}

declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    /** Text with & < > " ' escaped and characters XML cannot carry dropped. */
    xmlEncode(text: string): string;
    /** Excel's serial day number of a Date. */
    dateToExcel(date: Date, date1904: boolean): number;
  };
  export default utils;
}
