// The years the 看板 and 目标设置 offer: from 2015 (the oldest ledgers) to next year, newest first.
const FIRST_YEAR = 2015;

export function yearOptions(): number[] {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}
