// The part of exceljs's style writer that xlsx-text.ts extends (exceljs ships no types for it).
declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  interface StylesXform {
    addStyleModel(model: unknown, cellType?: number): number;
    _addStyle(style: object): number;
    map: { style: { toXml(model: object): string } };
    index: { style: Record<string, number | undefined> };
    model: { styles: string[] };
  }
  const StylesXform: { prototype: StylesXform };
  export default StylesXform;
}
