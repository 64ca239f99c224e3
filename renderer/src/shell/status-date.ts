// Today's date as the status bar shows it, 2026年12月1日 星期二: what date-fns gives for
// 'yyyy年M月d日 EEEE' in zh-CN, written out so the start-up bundle carries neither date-fns' formatter
// nor its Chinese locale (about 24 kB).

const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function statusDate(date: Date): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  return `${year}年${date.getMonth() + 1}月${date.getDate()}日 ${weekdays[date.getDay()]}`;
}
