// How the word lists are written: compact strings read into [Chinese, Latin] pairs.

/** A word with its Latin form: ['王', 'wang'], ['西门子', 'Siemens']. */
export type Named = readonly [zh: string, latin: string];

/** "王wang 李li" → [['王', 'wang'], ['李', 'li']] */
export function syllables(s: string): Named[] {
  return s.split(' ').map((w) => {
    const i = w.search(/[a-z]/);
    return [w.slice(0, i), w.slice(i)] as const;
  });
}

/** "半导体|Semiconductor;微电子|Microelectronics" → [['半导体', 'Semiconductor'], …] */
export function pairs(s: string): Named[] {
  return s.split(';').map((p) => {
    const [zh = '', en = ''] = p.split('|');
    return [zh, en] as const;
  });
}
