// The text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030
// (a superset of the GBK that Excel writes on Chinese Windows). UTF-16 (Excel's 「Unicode 文本」)
// and Big5 (traditional Chinese Windows) would decode as GB18030 without an error but as nonsense,
// so they are recognised and refused with a way to save the file again.
import { AppError } from '../../../domain/errors';

const SAVE_AGAIN = '请在 Excel 或 WPS 中「另存为」CSV UTF-8（逗号分隔）或 .xlsx 工作簿后再导入';

/** How much of the file the encoding is judged on. */
const SAMPLE_BYTES = 64 * 1024;

export function decodeCsv(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (isUtf16(sample)) {
    throw new AppError('SHEET_ENCODING', `文件是 UTF-16（Unicode）编码；${SAVE_AGAIN}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8
  }
  if (isBig5(sample)) {
    throw new AppError('SHEET_ENCODING', `文件是繁体中文 Big5 编码；${SAVE_AGAIN}`);
  }
  return new TextDecoder('gb18030').decode(bytes);
}

/**
 * A UTF-16 byte order mark, or a zero byte: UTF-16 writes one in every comma, digit and line break,
 * while UTF-8 and GBK text never holds one.
 */
function isUtf16(bytes: Uint8Array): boolean {
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return bom || bytes.includes(0);
}

/**
 * Big5 text read as GBK: about two in five of Big5's characters have a second byte in 0x40–0x7E
 * (一 is A4 40), while the simplified characters of a GBK ledger (GB2312) have both bytes at 0xA1
 * or above; and the bytes must be valid Big5.
 */
function isBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowSecond = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if ((bytes[i] ?? 0) < 0x81) continue;
    const second = bytes[i + 1] ?? 0;
    if (second >= 0x30 && second <= 0x39) {
      i += 3; // a GB18030 four-byte character
      continue;
    }
    pairs++;
    if (second >= 0x40 && second <= 0x7e) lowSecond++;
    i++;
  }
  if (pairs < 4 || lowSecond / pairs < 0.15) return false;
  try {
    new TextDecoder('big5', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
