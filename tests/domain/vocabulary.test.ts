import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  activityKindKeys,
  activityKinds,
  capitalTypes,
  channelKeys,
  channels,
  investorFlags,
  officeByLabel,
  officeKeys,
  offices,
  ownerships,
  projectTypes,
  provinceByLabel,
  provinceKeys,
  provinces,
} from '../../domain/vocabulary';

const labels = (list: readonly { label: string }[]) => list.map((e) => e.label);

describe('offices', () => {
  it('are 本部, 上海, 北京, 深圳', () => {
    expect(offices).toEqual([
      { key: 'hq', label: '本部' },
      { key: 'shanghai', label: '上海' },
      { key: 'beijing', label: '北京' },
      { key: 'shenzhen', label: '深圳' },
    ]);
  });

  it('are found by the Chinese label users type', () => {
    expect(officeByLabel('上海')?.key).toBe('shanghai');
    expect(officeByLabel(' 本部 ')?.key).toBe('hq');
    expect(officeByLabel('shanghai')).toBeUndefined();
  });

  it('have keys that z.enum accepts', () => {
    const office = z.enum(officeKeys);
    expect(office.parse('beijing')).toBe('beijing');
    expect(office.safeParse('北京').success).toBe(false);
  });
});

describe('the smaller lists', () => {
  it('carry the users’ words', () => {
    expect(labels(capitalTypes)).toEqual(['外资', '内资']);
    expect(labels(projectTypes)).toEqual(['新建', '增资', '二期', '技改']);
    expect(labels(ownerships)).toEqual(['央企', '地方国企', '民企', '外资企业']);
    expect(labels(investorFlags)).toEqual([
      '世界500强',
      '国内100强',
      '央企',
      '上市公司',
      '知名企业',
    ]);
    expect(labels(activityKinds)).toEqual(
      expect.arrayContaining(['拜访', '电话', '会谈', '展会', '视频']),
    );
    expect(activityKinds.map((a) => a.key)).toEqual([...activityKindKeys]);
  });
});

describe('channels', () => {
  it('name the field each one requires', () => {
    const needs = Object.fromEntries(channels.map((c) => [c.key, c.needs]));
    expect(needs).toEqual({
      referral: 'referrer',
      agent: 'agent',
      resident: null,
      online: null,
      fair: 'fairEdition',
      direct: null,
    });
    expect(labels(channels)).toEqual([
      '以商引商',
      '委托招商',
      '驻点招商',
      '云招商',
      '展会',
      '上门/来访',
    ]);
    expect(channels.map((c) => c.key)).toEqual([...channelKeys]);
  });
});

describe('provinces', () => {
  it('are the 31 provincial-level divisions of the mainland with unique keys and labels', () => {
    expect(provinces).toHaveLength(31);
    expect(new Set(provinceKeys).size).toBe(31);
    expect(new Set(labels(provinces)).size).toBe(31);
  });

  it('never list 香港, 台湾 or 澳门: they are countries/regions (issue 17)', () => {
    for (const label of ['香港', '台湾', '澳门']) {
      expect(labels(provinces)).not.toContain(label);
      expect(provinceByLabel(label)).toBeUndefined();
    }
  });

  it('mark exactly 上海, 江苏, 浙江 and 安徽 as 长三角', () => {
    expect(labels(provinces.filter((p) => p.yrd))).toEqual(['上海', '江苏', '浙江', '安徽']);
  });

  it('are found by short or full name', () => {
    expect(provinceByLabel('江苏省')?.key).toBe('jiangsu');
    expect(provinceByLabel('上海市')?.key).toBe('shanghai');
    expect(provinceByLabel('广西壮族自治区')?.key).toBe('guangxi');
    expect(provinceByLabel('新疆维吾尔自治区')?.key).toBe('xinjiang');
    expect(provinceByLabel('陕西')?.key).toBe('shaanxi');
    expect(provinceByLabel('山西')?.key).toBe('shanxi');
    expect(provinceByLabel('嘉兴')).toBeUndefined();
  });
});
