// 统一社会信用代码 (GB 32100-2015) and 项目代码 (GB/T 40058-2021), issue 18 point 6: real published
// codes pass; each kind of wrong code is refused with a message naming the part and the character.
import { describe, expect, test } from 'vitest';
import {
  creditCodeCheck,
  creditCodeField,
  creditCodeProblem,
  normaliseCode,
  organisationCheck,
  projectCodeField,
  projectCodeProblem,
} from '../../domain/identity-codes';

// Real codes: 华为技术有限公司's, 深圳市腾讯计算机系统有限公司's and other companies' (one registered
// at national level, 100000), and codes of Xiamen companies and a public institution (12…) found
// in public code that checks them. A made-up code passes both checks once in 341.
const realCreditCodes = [
  '914403001922038216',
  '9144030071526726XG',
  '91330100716105852F',
  '91110108551385082Q',
  '91100000100003962T',
  '91350200MA2YJ1XR9G',
  '91440101MA5CJQ4N59',
  '9135021359498494XQ',
  '91350213678251743X',
  '123502001549897397',
];

describe('统一社会信用代码', () => {
  test.each(realCreditCodes)('%s is valid', (code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
  });

  test('the check character is 31 − (Σ value × 3^i mod 31) mod 31, over the 31-character set', () => {
    expect(creditCodeCheck('91440300192203821')).toBe('6');
    expect(creditCodeCheck('9144030071526726X')).toBe('G');
    // GB 11714: 11 − (Σ value × weight mod 11), 10 → X.
    expect(organisationCheck('71526726')).toBe('X');
    expect(organisationCheck('19220382')).toBe('1');
  });

  test.each([
    ['91440300192203821', '应为 18 位，现为 17 位'],
    ['9144030019220382I6', '第 17 位「I」不是有效字符（代码不使用字母 I、O、Z、S、V）'],
    ['914403001922O38216', '第 13 位「O」不是有效字符'],
    ['9144030019220382#6', '第 17 位「#」不是有效字符'],
    ['B14403001922038216', '第 1 位登记管理部门代码「B」不存在'],
    ['954403001922038216', '第 2 位机构类别代码「5」不属于登记管理部门「市场监管（工商）」'],
    ['919903001922038216', '第 3–8 位行政区划码「990300」无效'],
    ['914403001922038226', '第 17 位（组织机构代码校验码）应为「1」，实为「2」'],
    ['914403001922038217', '第 18 位校验码应为「6」，实为「7」'],
    ['9144030071526726XY', '第 18 位校验码应为「G」，实为「Y」'],
  ])('%s is refused: %s', (code, message) => {
    expect(creditCodeProblem(code)).toContain(message);
  });

  test('typed codes are trimmed, made half-width and upper case before the check', () => {
    expect(normaliseCode(' ９１４４０３００７１５２６７２６ｘｇ ')).toBe('9144030071526726XG');
    expect(creditCodeField.parse(' 9144 0300 7152 6726 xg')).toBe('9144030071526726XG');
    expect(creditCodeField.parse('  ')).toBeNull();
    expect(creditCodeField.parse(null)).toBeNull();
    const wrong = creditCodeField.safeParse('914403001922038217');
    expect(wrong.error?.issues[0]?.message).toBe(
      '统一社会信用代码第 18 位校验码应为「6」，实为「7」，请逐位核对',
    );
  });
});

describe('项目代码', () => {
  // From published approval notices (广西扶绥县 备案证明; a 浙江 tender notice).
  test.each(['2020-451421-88-03-016343', '2020-330327-48-01-167360'])('%s is valid', (code) => {
    expect(projectCodeProblem(code)).toBeUndefined();
  });

  test.each([
    ['2020-451421-88-03-01634', '应为 24 位（含 4 个短横线），现为 23 位'],
    ['2020-4514210-88-03-01634', '第 12 位「0」不符合格式'],
    ['2020-451421-8A-03-016343', '第 14 位「A」不符合格式'],
    ['1999-451421-88-03-016343', '第 1–4 位年份「1999」无效'],
    ['2020-991421-88-03-016343', '第 6–11 位地区代码「991421」无效'],
    ['2020-451421-88-00-016343', '第 16–17 位项目类型代码「00」无效'],
  ])('%s is refused: %s', (code, message) => {
    expect(projectCodeProblem(code)).toContain(message);
  });

  test('typed codes are normalised: full-width digits and dashes, spaces', () => {
    expect(projectCodeField.parse(' ２０２０－４５１４２１－８８－０３－０１６３４３ ')).toBe(
      '2020-451421-88-03-016343',
    );
    expect(projectCodeField.parse('')).toBeNull();
  });
});
