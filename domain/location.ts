// The province and city fields of investors and projects, the same for the form, Excel and sync:
// a province by key or label (江苏, 江苏省), never 香港/台湾/澳门, which are countries/regions.
import { z } from 'zod';
import { countryByCode } from './countries';
import { text } from './fields';
import {
  legacyProvinceCountries,
  provinceByLabel,
  provinceLikeCountries,
  provinces,
} from './vocabulary';

/** A province by key or Chinese name; 香港 and the like are refused with where to put them. */
export const province = (label: string) =>
  z.string({ error: `${label}须为文字` }).transform((value, ctx) => {
    const trimmed = value.trim();
    const found = provinces.find((p) => p.key === trimmed) ?? provinceByLabel(trimmed);
    if (found) return found.key;
    const code = provinceLikeCountries[trimmed] ?? legacyProvinceCountries[trimmed];
    ctx.addIssue({
      code: 'custom',
      message: code
        ? `${countryByCode(code)?.nameZh ?? trimmed}不是省份，请在国别/地区中填写（${code}）`
        : `${label}「${value}」无效，可选：${provinces.map((p) => p.label).join('、')}`,
    });
    return z.NEVER;
  });

export const city = (label: string) => text(label, 50);
