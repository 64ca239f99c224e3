// Checks for the 汇率 table, the same bounds settings.update enforces: a four-digit year 1900–2099
// and a rate of 1–20 元 per 美元 with at most four decimals.

export const RATE_MIN = 1;
export const RATE_MAX = 20;

/** The rate typed in a cell, or the Chinese reason it cannot be saved. */
export function parseRate(text: string): { rate: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: '请填写汇率' };
  if (!/^\d+(\.\d{1,4})?$/.test(trimmed)) return { error: '汇率须为数字，最多 4 位小数' };
  const rate = Number(trimmed);
  if (rate < RATE_MIN || rate > RATE_MAX) return { error: `汇率须在 ${RATE_MIN}–${RATE_MAX} 之间` };
  return { rate };
}

/** A new year for the table, or why it cannot be added. */
export function parseYear(
  text: string,
  existing: readonly string[],
): { year: string } | { error: string } {
  const year = text.trim();
  if (year === '') return { error: '请填写年份' };
  if (!/^(19|20)\d\d$/.test(year)) return { error: '年份须为四位数，如 2026' };
  if (existing.includes(year)) return { error: `已有 ${year} 年的汇率，请在表中直接修改` };
  return { year };
}
