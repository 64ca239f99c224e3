// The 台账's start-up pieces written out instead of imported: the status bar's date against
// date-fns, and the first page the entry prefetches against the request the 台账 makes.
import { format } from 'date-fns';
import { zhCN } from 'date-fns/locale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstLedgerPage } from '../../renderer/src/ledger/ledger-first-page';
import { PAGE_SIZE, ledgerQueryOf, noFilters } from '../../renderer/src/ledger/ledger-query';
import { statusDate } from '../../renderer/src/shell/status-date';

describe('statusDate', () => {
  it("writes the date as date-fns' 'yyyy年M月d日 EEEE' in zh-CN does", () => {
    expect(statusDate(new Date(2026, 11, 1))).toBe('2026年12月1日 星期二');
    fc.assert(
      fc.property(
        fc.date({ min: new Date(1900, 0, 1), max: new Date(2200, 11, 31), noInvalidDate: true }),
        (date) => {
          expect(statusDate(date)).toBe(format(date, 'yyyy年M月d日 EEEE', { locale: zhCN }));
        },
      ),
    );
  });
});

describe('the prefetched first page', () => {
  it('is the request the unfiltered, unsorted 台账 makes for its first page', () => {
    const request = { ...ledgerQueryOf(noFilters, []), offset: 0, limit: PAGE_SIZE };
    expect(JSON.stringify(firstLedgerPage)).toBe(JSON.stringify(request));
  });
});
