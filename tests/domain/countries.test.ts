import { describe, expect, it } from 'vitest';
import {
  countries,
  countryByCode,
  countryByName,
  regionLabels,
  regionOf,
  regionOrder,
} from '../../domain/countries';

describe('source region', () => {
  it('puts Germany and Japan in 德日', () => {
    expect(regionOf('DE')).toBe('de_jp');
    expect(regionOf('JP')).toBe('de_jp');
  });

  it('puts the rest of Europe and the US and Canada in 欧美', () => {
    for (const code of ['FR', 'GB', 'NL', 'CH', 'IT', 'RU', 'US', 'CA']) {
      expect(regionOf(code), code).toBe('eu_us');
    }
  });

  it('puts Korea, Singapore, 中国香港, 中国台湾 and 中国澳门 in 韩新港台', () => {
    for (const code of ['KR', 'SG', 'HK', 'TW', 'MO']) {
      expect(regionOf(code), code).toBe('kr_sg_hk_tw');
    }
  });

  it('puts every other foreign place in 其他境外, including Mexico and Brazil', () => {
    for (const code of ['BR', 'MX', 'AU', 'IL', 'AE', 'IN', 'TR', 'CY', 'VG', 'KY']) {
      expect(regionOf(code), code).toBe('other_foreign');
    }
  });

  it('treats China as 境内', () => {
    expect(regionOf('CN')).toBe('domestic');
  });

  it('throws for an unknown code', () => {
    expect(() => regionOf('XX')).toThrow(Error);
    expect(() => regionOf('')).toThrow(/Unknown country code/);
  });

  it('accepts lower-case codes', () => {
    expect(regionOf('de')).toBe('de_jp');
  });

  it('labels and orders all five regions', () => {
    expect(regionOrder).toEqual(['eu_us', 'de_jp', 'kr_sg_hk_tw', 'other_foreign', 'domestic']);
    expect(regionOrder.map((r) => regionLabels[r])).toEqual([
      '欧美',
      '德日',
      '韩新港台',
      '其他境外',
      '境内',
    ]);
  });
});

describe('country list', () => {
  it('names 中国香港, 中国台湾 and 中国澳门, never bare 香港 / 台湾 / 澳门', () => {
    expect(countryByCode('HK')?.nameZh).toBe('中国香港');
    expect(countryByCode('TW')?.nameZh).toBe('中国台湾');
    expect(countryByCode('MO')?.nameZh).toBe('中国澳门');
    const names = countries.map((c) => c.nameZh);
    for (const bare of ['香港', '台湾', '澳门']) expect(names).not.toContain(bare);
  });

  it('has at least 60 entries with unique two-letter upper-case codes and unique names', () => {
    expect(countries.length).toBeGreaterThanOrEqual(60);
    for (const c of countries) expect(c.code).toMatch(/^[A-Z]{2}$/);
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
    expect(new Set(countries.map((c) => c.nameZh)).size).toBe(countries.length);
    expect(new Set(countries.map((c) => c.nameEn)).size).toBe(countries.length);
  });

  it('includes the usual sources of investment into China', () => {
    const usual =
      'JP KR SG HK TW MO AU NZ IL AE SA IN TH MY ID VN PH BR ZA TR RU US CA GB FR DE NL CH SE'.split(
        ' ',
      );
    for (const code of usual) expect(countryByCode(code), code).toBeDefined();
  });

  it('has exactly one 境内 entry', () => {
    expect(countries.filter((c) => c.region === 'domestic').map((c) => c.code)).toEqual(['CN']);
  });

  it('finds a country by Chinese name, English name or alias', () => {
    expect(countryByName('德国')?.code).toBe('DE');
    expect(countryByName('germany')?.code).toBe('DE');
    expect(countryByName('香港')?.code).toBe('HK');
    expect(countryByName(' 中国台湾 ')?.code).toBe('TW');
    expect(countryByName('亚特兰蒂斯')).toBeUndefined();
  });
});
