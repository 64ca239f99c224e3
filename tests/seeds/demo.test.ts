import { describe, expect, it } from 'vitest';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { syncedTables } from '../../db/synced-tables';
import { tierAtLeast, tierOf, tierOrder, toCny } from '../../domain/classify';
import type { Currency, Tier } from '../../domain/classify';
import { countryByCode, regionOf, regionOrder } from '../../domain/countries';
import { isRealIsoDate } from '../../domain/dates';
import { furthestMilestone, milestones, stageOrder } from '../../domain/lifecycle';
import type { MilestoneDates } from '../../domain/lifecycle';
import {
  activityKindKeys,
  channels,
  officeKeys,
  ownershipKeys,
  projectTypeKeys,
  provinceKeys,
} from '../../domain/vocabulary';
import { generateDemo } from '../../seeds/demo/index';
import type { DemoOptions, DemoRow, DemoTable } from '../../seeds/demo/index';
import { defaultUsdCnyRates, fairEditions, industries, platforms } from '../../seeds/dictionaries';

type Fields = DemoRow['fields'];

const AS_OF = '2021-06-30';
const collect = (options: DemoOptions) => [...generateDemo(options)];
const rows = collect({ projects: 2000, seed: 20210630 });

const of = (table: DemoTable, list: DemoRow[] = rows) => list.filter((r) => r.table === table);
const projects = of('project');
const investors = new Map(of('investor').map((r) => [r.id, r.fields]));
const projectById = new Map(projects.map((r) => [r.id, r.fields]));

function countByTable(list: DemoRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of list) counts[r.table] = (counts[r.table] ?? 0) + 1;
  return counts;
}

function childrenOf(table: DemoTable): Map<string, Fields[]> {
  const map = new Map<string, Fields[]>();
  for (const r of of(table)) {
    const key = r.fields.project_id as string;
    const list = map.get(key) ?? [];
    list.push(r.fields);
    map.set(key, list);
  }
  return map;
}

// Camel milestone keys → the project columns (signedOn → signed_on).
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const chain = milestones.map((m) => ({
  ...m,
  actual: snake(m.actualKey),
  planned: snake(m.plannedKey),
}));

function milestoneDates(f: Fields): MilestoneDates {
  const dates: MilestoneDates = {};
  for (const m of chain) {
    dates[m.actualKey] = f[m.actual] as string | null;
    dates[m.plannedKey] = f[m.planned] as string | null;
  }
  return dates;
}

/** The rate the app tiers a project at: its signing (or planned signing) year's, else 2021's. */
function tierOfProject(f: Fields): Tier {
  const date = (f.signed_on ?? f.planned_signed_on) as string | null;
  const year = date ? Number(date.slice(0, 4)) : 2021;
  const rate = defaultUsdCnyRates[year] ?? (defaultUsdCnyRates[2021] as number);
  return tierOf(toCny(f.total_investment as number, f.investment_currency as Currency, rate));
}

describe('generateDemo: determinism', () => {
  it('yields identical rows and counts for the same seed', () => {
    const a = collect({ projects: 2000, seed: 42 });
    const b = collect({ projects: 2000, seed: 42 });
    expect(JSON.stringify(a.slice(0, 2000))).toBe(JSON.stringify(b.slice(0, 2000)));
    expect(countByTable(a)).toEqual(countByTable(b));
    expect(a.length).toBe(b.length);
  });

  it('yields different rows for a different seed', () => {
    const a = collect({ projects: 300, seed: 1 });
    const b = collect({ projects: 300, seed: 2 });
    expect(JSON.stringify(a.slice(0, 2000))).not.toBe(JSON.stringify(b.slice(0, 2000)));
    const names = (list: DemoRow[]) => of('project', list).map((r) => r.fields.name);
    expect(names(a)).not.toEqual(names(b));
  });

  it('defaults asOf to 2021-06-30', () => {
    const a = collect({ projects: 200, seed: 5 });
    const b = collect({ projects: 200, seed: 5, asOf: AS_OF });
    expect(a).toEqual(b);
  });

  it('with enteredAtMs, stamps ids in order of entry from that moment and changes nothing else', () => {
    const at = Date.UTC(2026, 11, 1, 2, 0);
    const dated = collect({ projects: 300, seed: 9 });
    const entered = collect({ projects: 300, seed: 9, enteredAtMs: at });
    const withoutIds = (list: DemoRow[]) =>
      JSON.stringify(
        list.map((r) => [r.table, r.fields]),
        (key, value: unknown) => (typeof value === 'string' && isUuid(value) ? 'id' : value),
      );
    expect(withoutIds(entered)).toBe(withoutIds(dated));
    const uuids = entered.filter((r) => r.table !== 'key_investment').map((r) => r.id);
    // UUIDv7: the first 48 bits are the milliseconds.
    const ms = uuids.map((id) => parseInt(id.replaceAll('-', '').slice(0, 12), 16));
    expect(ms[0]).toBe(at);
    expect(ms).toEqual(ms.map((_, i) => at + i));
    expect([...uuids].sort()).toEqual(uuids);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateDemo({ projects: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateDemo({ projects: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => generateDemo({ projects: 10, seed: Number.NaN })).toThrow(RangeError);
    expect(() => generateDemo({ projects: 10, seed: 1, asOf: '2021-02-29' })).toThrow(RangeError);
  });

  it('yields only promoters for zero projects', () => {
    const list = collect({ projects: 0, seed: 3 });
    expect(new Set(list.map((r) => r.table))).toEqual(new Set(['promoter']));
  });
});

describe('generateDemo: rows and ids', () => {
  it('gives every row a unique, valid UUIDv7 (a key-project year: its project’s, with the year)', () => {
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const projects = new Set(rows.filter((r) => r.table === 'project').map((r) => r.id));
    for (const r of rows) {
      if (r.table === 'key_investment') {
        expect(r.id).toBe(`${r.fields.project_id}:${r.fields.year}`);
        expect(projects.has(r.fields.project_id as string)).toBe(true);
        continue;
      }
      expect(isUuid(r.id)).toBe(true);
      expect(uuidVersion(r.id)).toBe(7);
    }
    expect(rows.some((r) => r.table === 'key_investment')).toBe(true);
  });

  it('uses only the synced columns of each table, with their types', () => {
    const problems = new Set<string>();
    for (const r of rows) {
      const spec = syncedTables[r.table];
      const columns = spec.columns as Record<string, string>;
      const derived: readonly string[] = 'derived' in spec ? spec.derived : [];
      for (const [column, value] of Object.entries(r.fields)) {
        const type = columns[column];
        const where = `${r.table}.${column}`;
        if (column === 'deleted' || derived.includes(column))
          problems.add(`${where} must not be yielded`);
        else if (type === undefined) problems.add(`${where} is not a synced column`);
        else if (value === null) continue;
        else if (type === 'text' && typeof value !== 'string') problems.add(`${where} not text`);
        else if (type === 'integer' && !Number.isSafeInteger(value))
          problems.add(`${where} not integer`);
        else if (type === 'real' && typeof value !== 'number') problems.add(`${where} not real`);
      }
    }
    expect([...problems]).toEqual([]);
  });

  it('writes booleans as 0/1 and money as whole units', () => {
    const booleans = [
      'active',
      'fortune500',
      'china100',
      'central_soe',
      'listed',
      'well_known',
      'industrial',
      'leader_project',
      'done',
      'outside_city',
    ];
    for (const r of rows) {
      for (const column of booleans) {
        if (column in r.fields) expect([0, 1]).toContain(r.fields[column]);
      }
    }
    for (const p of projects) {
      expect(Number.isSafeInteger(p.fields.total_investment)).toBe(true);
      expect(p.fields.total_investment as number).toBeGreaterThan(0);
    }
  });

  it('yields parents first: promoters, investors, then each project before its children', () => {
    const order: DemoTable[] = ['promoter', 'investor', 'project'];
    let phase = 0;
    let currentProject: string | null = null;
    const seen = new Set<string>();
    const expectSeen = (id: unknown, what: string) => {
      if (id !== null) expect(seen.has(id as string), what).toBe(true);
    };
    for (const r of rows) {
      const at = order.indexOf(r.table);
      if (at >= 0) {
        expect(at).toBeGreaterThanOrEqual(phase);
        phase = at;
      } else {
        expect(phase).toBe(2);
        expect(r.fields.project_id).toBe(currentProject);
      }
      const f = r.fields;
      switch (r.table) {
        case 'investor':
          expectSeen(f.parent_investor_id, 'parent investor');
          break;
        case 'project':
          currentProject = r.id;
          expectSeen(f.investor_id, 'project investor');
          expectSeen(f.owner_id, 'project owner');
          break;
        case 'contact':
        case 'activity':
          expectSeen(f.investor_id, `${r.table} investor`);
          expect(f.investor_id).toBe(projectById.get(currentProject as string)?.investor_id);
          break;
        case 'task':
          expectSeen(f.assignee_id, 'task assignee');
          break;
        default:
          break;
      }
      if (r.table !== 'promoter' && r.table !== 'investor' && r.table !== 'project') {
        expectSeen(f.project_id, `${r.table} project`);
      }
      seen.add(r.id);
    }
  });

  it('writes only dates that exist', () => {
    for (const r of rows) {
      for (const [column, value] of Object.entries(r.fields)) {
        if (column.endsWith('_on') && value !== null) {
          expect(isRealIsoDate(value as string), `${r.table}.${column} ${value}`).toBe(true);
        }
      }
    }
  });
});

describe('generateDemo: promoters and investors', () => {
  it('staffs every office with 6–10 active promoters with distinct Chinese names', () => {
    const promoters = of('promoter');
    for (const office of officeKeys) {
      const n = promoters.filter((p) => p.fields.office_id === office).length;
      expect(n).toBeGreaterThanOrEqual(6);
      expect(n).toBeLessThanOrEqual(10);
    }
    const names = promoters.map((p) => p.fields.name as string);
    expect(new Set(names).size).toBe(names.length);
    for (const p of promoters) {
      expect(p.fields.active).toBe(1);
      expect(p.fields.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
  });

  it('gives investors distinct names, known countries and JSON alias arrays', () => {
    const names = [...investors.values()].map((f) => f.name_zh);
    expect(new Set(names).size).toBe(names.length);
    for (const f of investors.values()) {
      expect(countryByCode(f.hq_country as string)).toBeDefined();
      const aliases: unknown = JSON.parse(f.aliases as string);
      expect(Array.isArray(aliases)).toBe(true);
      for (const a of aliases as unknown[]) expect(typeof a).toBe('string');
    }
  });

  it('mixes real foreign groups and domestic groups, about one per 2–3 projects', () => {
    const zh = new Set([...investors.values()].map((f) => f.name_zh));
    expect(investors.size).toBeGreaterThanOrEqual(2000 / 3);
    expect(investors.size).toBeLessThanOrEqual(2000 / 2);
    const real = ['西门子股份公司', '罗伯特·博世有限公司', '三星电子株式会社', '雀巢公司'];
    expect(real.filter((n) => zh.has(n)).length).toBeGreaterThan(0);
    expect([...investors.values()].some((f) => f.hq_country === 'CN' && f.central_soe === 1)).toBe(
      true,
    );
    const perInvestor = new Map<string, number>();
    for (const p of projects) {
      const id = p.fields.investor_id as string;
      perInvestor.set(id, (perInvestor.get(id) ?? 0) + 1);
    }
    expect([...perInvestor.values()].filter((n) => n >= 3).length).toBeGreaterThan(50);
  });
});

describe('generateDemo: projects', () => {
  it('covers every region, tier, stage, office, project type and promoter', () => {
    expect(new Set(projects.map((p) => regionOf(p.fields.country as string)))).toEqual(
      new Set(regionOrder),
    );
    expect(new Set(projects.map((p) => tierOfProject(p.fields)))).toEqual(new Set(tierOrder));
    expect(new Set(projects.map((p) => p.fields.stage))).toEqual(new Set(stageOrder));
    expect(new Set(projects.map((p) => p.fields.office_id))).toEqual(new Set(officeKeys));
    expect(new Set(projects.map((p) => p.fields.project_type))).toEqual(new Set(projectTypeKeys));
    const owners = new Set(projects.map((p) => p.fields.owner_id));
    for (const promoter of of('promoter')) expect(owners.has(promoter.id)).toBe(true);
  });

  it('keeps the size tiers near their intended shares', () => {
    const share = (tier: Tier) =>
      projects.filter((p) => tierOfProject(p.fields) === tier).length / projects.length;
    expect(share('t100')).toBeLessThan(0.03);
    expect(share('t50_100')).toBeLessThan(0.05);
    expect(share('t10_50')).toBeGreaterThan(0.05);
    expect(share('t10_50')).toBeLessThan(0.16);
    expect(share('t1_10')).toBeGreaterThan(0.4);
    expect(share('t1_10')).toBeLessThan(0.6);
  });

  it('keeps every stage consistent with its milestone dates', () => {
    for (const { fields: f } of projects) {
      const dates = milestoneDates(f);
      const furthest = furthestMilestone(dates);
      let previous = '';
      for (const m of chain) {
        const actual = f[m.actual] as string | null;
        if (actual) {
          expect(actual >= previous, `${f.code} ${m.actual}`).toBe(true);
          expect(actual <= AS_OF).toBe(true);
          expect(f[m.planned], `${f.code} ${m.planned}`).not.toBeNull();
          previous = actual;
        }
      }
      if (f.stage === 'terminated') {
        expect(f.terminated_on).not.toBeNull();
        expect(f.termination_reason).toBeTruthy();
        expect((f.terminated_on as string) <= AS_OF).toBe(true);
        expect((f.terminated_on as string) >= previous).toBe(true);
      } else {
        expect(f.terminated_on).toBeNull();
        expect(f.termination_reason).toBeNull();
        if (f.stage === 'lead' || f.stage === 'negotiating') expect(furthest).toBeNull();
        else expect(furthest).toBe(f.stage);
      }
      // Future milestones carry plans only; every project has a planned signing date.
      expect(f.planned_signed_on).not.toBeNull();
    }
  });

  it('spreads signings over 2019 to the as-of date, many in the as-of year', () => {
    const signed = projects.map((p) => p.fields.signed_on as string | null).filter((d) => d);
    const years = new Set(signed.map((d) => (d as string).slice(0, 4)));
    expect(years).toEqual(new Set(['2019', '2020', '2021']));
    const in2021 = signed.filter((d) => (d as string).startsWith('2021')).length;
    expect(in2021 / signed.length).toBeGreaterThan(0.15);
  });

  it('fills the classification fields consistently', () => {
    const codes = new Set<string>();
    const prefix: Record<string, string> = {
      hq: 'BB',
      shanghai: 'SH',
      beijing: 'BJ',
      shenzhen: 'SZ',
    };
    const ownerOffice = new Map(of('promoter').map((p) => [p.id, p.fields.office_id]));
    for (const { fields: f } of projects) {
      expect(f.code).toMatch(/^(BB|SH|BJ|SZ)\d{4}-\d{4,}$/);
      expect((f.code as string).slice(0, 2)).toBe(prefix[f.office_id as string]);
      codes.add(f.code as string);
      expect(ownerOffice.get(f.owner_id as string)).toBe(f.office_id);
      expect(f.name).toMatch(/项目$/);
      const investor = investors.get(f.investor_id as string);
      expect(f.country).toBe(investor?.hq_country);
      const foreign = f.country !== 'CN';
      expect(f.capital_type).toBe(foreign ? 'foreign' : 'domestic');
      if (foreign) {
        expect(f.province).toBeNull();
        expect(f.ownership).toBeNull();
        expect(Number.isSafeInteger(f.contracted_fdi_usd)).toBe(true);
      } else {
        expect(provinceKeys).toContain(f.province);
        expect(ownershipKeys).toContain(f.ownership);
        expect(f.contracted_fdi_usd).toBeNull();
        expect(f.investment_currency).toBe('CNY');
      }
      expect(industries).toContain(f.industry);
      expect(platforms).toContain(f.platform);
      const channel = channels.find((c) => c.key === f.channel);
      expect(channel).toBeDefined();
      expect(f.referrer !== null).toBe(channel?.needs === 'referrer');
      expect(f.agent !== null).toBe(channel?.needs === 'agent');
      expect(f.fair_edition !== null).toBe(channel?.needs === 'fairEdition');
      if (f.fair_edition !== null) expect(fairEditions).toContain(f.fair_edition);
      if (f.industrial === 0) expect(f.land_area_mu).toBeNull();
      if (f.land_area_mu !== null) expect(f.land_area_mu as number).toBeGreaterThan(0);
      // 省市县长工程 are projects of at least 10亿元.
      if (f.leader_project === 1) expect(tierAtLeast(tierOfProject(f), 't10_50')).toBe(true);
    }
    expect(codes.size).toBe(projects.length);

    const industrial = projects.filter((p) => p.fields.industrial === 1).length / projects.length;
    expect(industrial).toBeGreaterThan(0.65);
    expect(industrial).toBeLessThan(0.85);
    const foreign = projects.filter((p) => p.fields.capital_type === 'foreign');
    const usd =
      foreign.filter((p) => p.fields.investment_currency === 'USD').length / foreign.length;
    expect(usd).toBeGreaterThan(0.3);
    expect(usd).toBeLessThan(0.5);
    expect(projects.filter((p) => p.fields.leader_project === 1).length).toBeGreaterThan(0);
    expect(projects.filter((p) => p.fields.problems).length / projects.length).toBeGreaterThan(0.3);
    expect(projects.filter((p) => p.fields.next_steps).length / projects.length).toBeGreaterThan(
      0.3,
    );
  });
});

describe('generateDemo: children', () => {
  it('gives every project 1–2 contacts, 0–8 activities and 0–3 tasks', () => {
    const contacts = childrenOf('contact');
    const activities = childrenOf('activity');
    const tasks = childrenOf('task');
    for (const p of projects) {
      const n = contacts.get(p.id)?.length ?? 0;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(2);
      expect(activities.get(p.id)?.length ?? 0).toBeLessThanOrEqual(8);
      expect(tasks.get(p.id)?.length ?? 0).toBeLessThanOrEqual(3);
    }
    for (const c of of('contact')) {
      expect(c.fields.name).toBeTruthy();
      expect(c.fields.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
  });

  it('dates activities on or before asOf, with known kinds and Chinese notes', () => {
    for (const { fields: f } of of('activity')) {
      expect(activityKindKeys).toContain(f.kind);
      expect((f.occurred_on as string) <= AS_OF).toBe(true);
      expect(f.notes).toMatch(/[\u4e00-\u9fff]/);
      expect(f.people).toBeTruthy();
      const project = projectById.get(f.project_id as string);
      if (project?.terminated_on) {
        expect((f.occurred_on as string) <= (project.terminated_on as string)).toBe(true);
      }
    }
  });

  it('mixes done, overdue and due-this-week tasks', () => {
    const tasks = of('task').map((t) => t.fields);
    for (const t of tasks) {
      expect(t.done === 1).toBe(t.done_on !== null);
      if (t.done_on !== null) expect((t.done_on as string) <= AS_OF).toBe(true);
    }
    // 2021-06-30 is a Wednesday: the week runs to Sunday 2021-07-04.
    const open = tasks.filter((t) => t.done === 0);
    expect(tasks.some((t) => t.done === 1)).toBe(true);
    expect(open.some((t) => (t.due_on as string) < AS_OF)).toBe(true);
    expect(
      open.some((t) => (t.due_on as string) >= AS_OF && (t.due_on as string) <= '2021-07-04'),
    ).toBe(true);
    expect(open.some((t) => (t.due_on as string) > '2021-07-04')).toBe(true);
  });

  it('books capital arrivals after signing, before asOf, within the contracted amounts', () => {
    const arrivals = childrenOf('capital_arrival');
    expect(arrivals.size).toBeGreaterThan(0);
    let fdi = 0;
    let domestic = 0;
    for (const [projectId, list] of arrivals) {
      const p = projectById.get(projectId) as Fields;
      expect(p.signed_on).not.toBeNull();
      const foreign = p.capital_type === 'foreign';
      let sum = 0;
      for (const a of list) {
        expect(Number.isSafeInteger(a.amount)).toBe(true);
        expect(a.amount as number).toBeGreaterThan(0);
        expect((a.arrived_on as string) > (p.signed_on as string)).toBe(true);
        expect((a.arrived_on as string) <= AS_OF).toBe(true);
        expect(a.currency).toBe(foreign ? 'USD' : 'CNY');
        expect(a.kind).toBe(foreign ? 'fdi' : 'domestic');
        if (foreign) expect(a.outside_city).toBe(0);
        sum += a.amount as number;
      }
      if (foreign) {
        fdi++;
        expect(sum).toBeLessThanOrEqual(p.contracted_fdi_usd as number);
      } else {
        domestic++;
        expect(sum).toBeLessThanOrEqual(p.total_investment as number);
      }
    }
    expect(fdi).toBeGreaterThan(0);
    expect(domestic).toBeGreaterThan(0);
    const outside = of('capital_arrival').filter((a) => a.fields.kind === 'domestic');
    const share = outside.filter((a) => a.fields.outside_city === 1).length / outside.length;
    expect(share).toBeGreaterThan(0.8);
  });
});

describe('generateDemo: another as-of date', () => {
  it('keeps every actual date on or before asOf and signs in the three years up to it', () => {
    const asOf = '2024-03-31';
    const list = collect({ projects: 400, seed: 8, asOf });
    const signedYears = new Set<string>();
    for (const r of list) {
      const f = r.fields;
      if (r.table === 'project') {
        for (const m of chain) {
          const actual = f[m.actual] as string | null;
          if (actual) expect(actual <= asOf).toBe(true);
        }
        if (f.signed_on) signedYears.add((f.signed_on as string).slice(0, 4));
        if (f.stage !== 'terminated' && f.stage !== 'lead' && f.stage !== 'negotiating') {
          expect(furthestMilestone(milestoneDates(f))).toBe(f.stage);
        }
      }
      if (r.table === 'activity') expect((f.occurred_on as string) <= asOf).toBe(true);
      if (r.table === 'capital_arrival') expect((f.arrived_on as string) <= asOf).toBe(true);
    }
    expect(signedYears.has('2024')).toBe(true);
    expect(signedYears.has('2021')).toBe(true);
    expect([...signedYears].every((y) => y >= '2021')).toBe(true);
  });

  it("makes the signed-in user one of their office's promoters, with follow-ups due and overdue", () => {
    const asOf = '2026-12-04';
    const user = { name: '王晓明', office: 'shanghai' as const };
    const list = collect({ projects: 1000, seed: 1, asOf, user });
    const promoter = list.filter((r) => r.table === 'promoter' && r.fields.name === user.name);
    expect(promoter).toHaveLength(1);
    expect(promoter[0]!.fields.office_id).toBe('shanghai');
    const owned = list.filter(
      (r) => r.table === 'project' && r.fields.owner_id === promoter[0]!.id,
    );
    expect(owned.length).toBeGreaterThan(10);
    const tasks = list.filter(
      (r) => r.table === 'task' && r.fields.assignee_id === promoter[0]!.id && !r.fields.done,
    );
    const due = tasks.map((t) => t.fields.due_on as string);
    expect(due.filter((d) => d < asOf).length).toBeGreaterThan(0);
    expect(due.filter((d) => d >= asOf).length).toBeGreaterThan(0);
    // Overdue by weeks, not years.
    expect(due.every((d) => d >= '2026-09-01')).toBe(true);
    const thisYear = list.filter(
      (r) => r.table === 'project' && String(r.fields.signed_on ?? '').startsWith('2026'),
    );
    expect(thisYear.length).toBeGreaterThan(50);
  });
});
