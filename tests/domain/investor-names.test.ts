import { describe, expect, test } from 'vitest';
import { nameKey, plainLetters, resemblance } from '../../domain/investor-names';

describe('investor names', () => {
  test.each([
    ['西门子（中国）有限公司', '西门子'],
    ['西门子(中国)有限公司', '西门子'],
    ['Siemens AG', 'siemens'],
    ['SIEMENS Ltd.', 'siemens'],
    ['Robert Bosch GmbH', 'robertbosch'],
    ['三星电子株式会社', '三星电子'],
    ['中国建材集团有限公司', '中国建材'],
    ['浙江某某科技股份有限公司', '浙江某某科技'],
    ['Ｓｉｅｍｅｎｓ　Ｃｏ．，Ｌｔｄ．', 'siemens'],
  ])('%s → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  test('a group and its China arm resemble each other, in either order', () => {
    expect(resemblance('西门子（中国）有限公司', '西门子')).toBe('same');
    expect(resemblance('西门子医疗', '西门子')).toBe('contains');
    expect(resemblance('Siemens Co., Ltd.', 'siemens ag')).toBe('same');
  });

  test('different groups and one-character keys do not', () => {
    expect(resemblance('博世', '西门子')).toBeNull();
    expect(resemblance('三', '三星电子')).toBeNull();
    expect(resemblance('有限公司', '西门子有限公司')).toBeNull();
  });

  test('accents on Latin letters are ignored, marks of other scripts kept', () => {
    expect(nameKey('Nestlé S.A.')).toBe('nestle');
    expect(resemblance('NESTLE SA', 'Nestlé S.A.')).toBe('same');
    expect(plainLetters('Société Générale Ｃｏ')).toBe('societe generale co');
    expect(nameKey('Philips N.V.')).toBe('philips');
    expect(nameKey('Bayer A.G.')).toBe('bayer');
    expect(plainLetters('ドコモ')).toBe('ドコモ');
  });
});
