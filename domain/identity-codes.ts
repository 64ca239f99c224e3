// National identity codes (issue 18, point 6): an investor's 统一社会信用代码 (GB 32100-2015) and a
// project's 项目代码 (GB/T 40058-2021). Each is normalised as people paste it (spaces, full-width
// forms, lower case) and then checked part by part, so a wrong code is refused with the part and
// character that is wrong. No maintained npm package does this (those found are unmaintained
// one-function packages), and the rules fit in this file.
import { z } from 'zod';

/** Trimmed, inner spaces removed, full-width forms as half-width (NFKC), upper case. */
export function normaliseCode(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

// GB 32100-2015 character set: digits and the upper-case letters without I, O, Z, S and V, valued
// 0–30 in this order.
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/** Registration authorities (第 1 位) and the organisation types each registers (第 2 位). */
const authorities: Readonly<Record<string, { name: string; types: string }>> = {
  '1': { name: '机构编制', types: '1239' },
  '2': { name: '外交', types: '19' },
  '3': { name: '司法行政', types: '123459' },
  '4': { name: '文化', types: '19' },
  '5': { name: '民政', types: '1239' },
  '6': { name: '旅游', types: '129' },
  '7': { name: '宗教', types: '129' },
  '8': { name: '工会', types: '19' },
  '9': { name: '市场监管（工商）', types: '123' },
  A: { name: '中央军委改革和编制办公室', types: '19' },
  N: { name: '农业', types: '1239' },
  Y: { name: '其他', types: '1' },
};

/**
 * Province-level codes of GB/T 2260 (the first two digits of an administrative division);
 * 100000 is the national level (codes issued by the State's own registration offices).
 */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);
const isDivision = (six: string) =>
  /^\d{6}$/.test(six) && (PROVINCES.has(six.slice(0, 2)) || six === '100000');

/** GB 11714 value of a character of an organisation code: digits, then A=10 … Z=35. */
const orgValue = (c: string) => (c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of an organisation code's first eight characters (GB 11714). */
export function organisationCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body[i]!) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** The 18th character of a credit code whose first 17 are given (GB 32100-2015, mod 31). */
export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31]!;
}

const CREDIT = '统一社会信用代码';

/** What is wrong with a normalised credit code, in Chinese; undefined when it is valid. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `${CREDIT}应为 18 位，现为 ${code.length} 位`;
  for (let i = 0; i < 18; i++) {
    const c = code[i]!;
    if (!CREDIT_CHARSET.includes(c)) {
      const why = /[IOZSV]/.test(c) ? '（代码不使用字母 I、O、Z、S、V）' : '';
      return `${CREDIT}第 ${i + 1} 位「${c}」不是有效字符${why}`;
    }
  }
  const authority = authorities[code[0]!];
  if (!authority) return `${CREDIT}第 1 位登记管理部门代码「${code[0]}」不存在`;
  if (!authority.types.includes(code[1]!)) {
    return `${CREDIT}第 2 位机构类别代码「${code[1]}」不属于登记管理部门「${authority.name}」`;
  }
  const division = code.slice(2, 8);
  if (!isDivision(division)) return `${CREDIT}第 3–8 位行政区划码「${division}」无效`;
  const orgCheck = organisationCheck(code.slice(8, 16));
  if (code[16] !== orgCheck) {
    return `${CREDIT}第 17 位（组织机构代码校验码）应为「${orgCheck}」，实为「${code[16]}」，请核对第 9–17 位`;
  }
  const check = creditCodeCheck(code);
  if (code[17] !== check) {
    return `${CREDIT}第 18 位校验码应为「${check}」，实为「${code[17]}」，请逐位核对`;
  }
  return undefined;
}

// 项目代码 (GB/T 40058-2021): 4-digit year, 6-digit administrative division, 2-digit central
// supervising department, 2-digit project type, then 5 random characters and 1 check character,
// joined by hyphens into 24 characters (2020-451421-88-03-016343). Codes given before 2020 have a
// 6-digit serial in the last part and no check character, and the standard's check algorithm is
// not public: the last part is checked for its form only.
const PROJECT = '项目代码';
const PROJECT_FORM = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-([0-9A-Z]{6})$/;

/** What is wrong with a normalised project code, in Chinese; undefined when it is valid. */
export function projectCodeProblem(code: string): string | undefined {
  const form = `${PROJECT}格式应为「年份-地区代码-部门代码-类型代码-6 位随机码与校验码」，如 2020-451421-88-03-016343`;
  if (code.length !== 24)
    return `${PROJECT}应为 24 位（含 4 个短横线），现为 ${code.length} 位；${form}`;
  const parts = PROJECT_FORM.exec(code);
  if (!parts) {
    const bad = [...code].findIndex((c, i) =>
      [4, 11, 14, 17].includes(i) ? c !== '-' : i < 18 ? !/\d/.test(c) : !/[0-9A-Z]/.test(c),
    );
    return `${PROJECT}第 ${bad + 1} 位「${code[bad]}」不符合格式；${form}`;
  }
  const year = Number(parts[1]);
  if (year < 2014 || year > 2099) return `${PROJECT}第 1–4 位年份「${parts[1]}」无效`;
  if (!isDivision(parts[2]!) && parts[2] !== '000000') {
    return `${PROJECT}第 6–11 位地区代码「${parts[2]}」无效`;
  }
  if (parts[4] === '00') return `${PROJECT}第 16–17 位项目类型代码「00」无效`;
  return undefined;
}

/** A code field: typed text normalised, then refused with its problem; blank is no code. */
const codeField = (problem: (code: string) => string | undefined, label: string) =>
  z
    .string({ error: `${label}须为文字` })
    .max(100, `${label}过长`)
    .transform((value, ctx) => {
      const code = normaliseCode(value);
      if (code === '') return null;
      const wrong = problem(code);
      if (wrong !== undefined) {
        ctx.addIssue({ code: 'custom', message: wrong });
        return z.NEVER;
      }
      return code;
    })
    .nullable();

export const creditCodeField = codeField(creditCodeProblem, CREDIT);
export const projectCodeField = codeField(projectCodeProblem, PROJECT);

/** A code as stored: already normalised and valid (sync files and 数据体检 hold it to this). */
const storedCode = (problem: (code: string) => string | undefined, label: string) =>
  z
    .string({ error: `${label}须为文字` })
    .superRefine((code, ctx) => {
      const wrong = code === normaliseCode(code) ? problem(code) : `${label}含空格、全角或小写字符`;
      if (wrong !== undefined) ctx.addIssue({ code: 'custom', message: wrong });
    })
    .nullable();

export const storedCreditCode = storedCode(creditCodeProblem, CREDIT);
export const storedProjectCode = storedCode(projectCodeProblem, PROJECT);
