import { describe, expect, it } from 'vitest';
import type { StalledRule } from '../../domain/lifecycle';
import {
  furthestMilestone,
  milestones,
  overdueDays,
  reached,
  stageLabels,
  stageOrder,
  stageRank,
} from '../../domain/lifecycle';

describe('stages', () => {
  it('run 线索 → 投产 with 终止 last', () => {
    expect(stageOrder.map((s) => stageLabels[s]).join(' ')).toBe(
      '线索 在谈 签约 注册 供地 开工 竣工 投产 终止',
    );
    expect(stageRank('lead')).toBe(0);
    expect(stageRank('producing')).toBeGreaterThan(stageRank('signed'));
  });

  it('list the six dated milestones in order with their keys', () => {
    expect(milestones.map((m) => m.stage)).toEqual(stageOrder.slice(2, 8));
    expect(milestones.map((m) => m.label)).toEqual([
      '签约',
      '注册',
      '供地',
      '开工',
      '竣工',
      '投产',
    ]);
    expect(milestones[2]).toEqual({
      stage: 'land_supplied',
      actualKey: 'landSuppliedOn',
      plannedKey: 'plannedLandSuppliedOn',
      label: '供地',
    });
  });
});

describe('furthestMilestone', () => {
  it('is null when no milestone has an actual date', () => {
    expect(furthestMilestone({})).toBeNull();
    expect(furthestMilestone({ plannedSignedOn: '2021-03-01', signedOn: null })).toBeNull();
  });

  it('ignores planned dates', () => {
    expect(furthestMilestone({ signedOn: '2021-03-01', plannedProducingOn: '2023-01-01' })).toBe(
      'signed',
    );
  });

  it('picks the furthest actual date even when earlier milestones are missing', () => {
    expect(furthestMilestone({ signedOn: '2021-03-01', startedOn: '2021-09-01' })).toBe('started');
    expect(furthestMilestone({ completedOn: '2022-09-01' })).toBe('completed');
  });

  it('treats an empty string as no date', () => {
    expect(furthestMilestone({ signedOn: '2021-03-01', registeredOn: '' })).toBe('signed');
  });
});

describe('reached', () => {
  it('is true at and beyond a milestone', () => {
    expect(reached('signed', 'signed')).toBe(true);
    expect(reached('producing', 'registered')).toBe(true);
  });

  it('is false before it', () => {
    expect(reached('negotiating', 'signed')).toBe(false);
    expect(reached('registered', 'started')).toBe(false);
  });

  it('is false for a terminated project, whatever the milestone', () => {
    for (const m of milestones) expect(reached('terminated', m.stage)).toBe(false);
  });
});

describe('overdueDays', () => {
  const signedNotRegistered: StalledRule = {
    key: 'signed_not_registered',
    label: '签约未注册',
    from: 'signed',
    to: 'registered',
    days: 90,
    usePlannedDate: false,
  };
  const startedNotCompleted: StalledRule = {
    key: 'started_not_completed',
    label: '开工未竣工',
    from: 'started',
    to: 'completed',
    days: 730,
    usePlannedDate: true,
  };

  it('counts days past the window after the from-date', () => {
    // 2021-01-01 + 90 days = 2021-04-01
    expect(overdueDays(signedNotRegistered, { signedOn: '2021-01-01' }, '2021-04-01')).toBeNull();
    expect(overdueDays(signedNotRegistered, { signedOn: '2021-01-01' }, '2021-04-02')).toBe(1);
    expect(overdueDays(signedNotRegistered, { signedOn: '2021-01-01' }, '2021-05-01')).toBe(30);
  });

  it('does not apply once the target milestone or a later one is dated', () => {
    const asOf = '2021-12-31';
    expect(
      overdueDays(
        signedNotRegistered,
        { signedOn: '2021-01-01', registeredOn: '2021-06-01' },
        asOf,
      ),
    ).toBeNull();
    expect(
      overdueDays(signedNotRegistered, { signedOn: '2021-01-01', startedOn: '2021-06-01' }, asOf),
    ).toBeNull();
  });

  it('does not apply before the from-milestone', () => {
    expect(overdueDays(signedNotRegistered, {}, '2021-12-31')).toBeNull();
  });

  it('uses the planned date of the target milestone when the rule says so', () => {
    const dates = { startedOn: '2021-02-01', plannedCompletedOn: '2021-10-31' };
    expect(overdueDays(startedNotCompleted, dates, '2021-10-31')).toBeNull();
    expect(overdueDays(startedNotCompleted, dates, '2021-11-10')).toBe(10);
  });

  it('falls back to the days from the from-date without a planned date', () => {
    // 2020-01-01 + 730 days = 2021-12-31 (366 days to 2021-01-01, 2020 being a leap year, + 364).
    const dates = { startedOn: '2020-01-01', plannedCompletedOn: '' };
    expect(overdueDays(startedNotCompleted, dates, '2021-12-30')).toBeNull(); // day 729
    expect(overdueDays(startedNotCompleted, dates, '2021-12-31')).toBeNull(); // day 730
    expect(overdueDays(startedNotCompleted, dates, '2022-01-01')).toBe(1); // day 731
    // A planned date in the future wins over the fallback, however long ago 开工 was.
    const planned = { startedOn: '2020-01-01', plannedCompletedOn: '2022-06-30' };
    expect(overdueDays(startedNotCompleted, planned, '2022-03-11')).toBeNull(); // day 800
    expect(overdueDays(startedNotCompleted, planned, '2022-07-01')).toBe(1);
  });

  it('cannot judge a planned-date rule without a planned date or days', () => {
    const noFallback = { ...startedNotCompleted, days: null };
    expect(overdueDays(noFallback, { startedOn: '2020-01-01' }, '2021-12-31')).toBeNull();
  });
});
