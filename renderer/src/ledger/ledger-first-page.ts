// The 台账's page size and the request for its first page, unfiltered and unsorted: main.tsx asks for
// it at start-up. Kept apart from ledger-query.ts, which needs domain/'s vocabularies, so the entry
// script stays small and asks sooner. useLedgerPages asks { ...query, offset, limit } with the
// screen's query, which is {} with no filter or sort (ledgerQueryOf), so the two requests match.
export const PAGE_SIZE = 200;

export const firstLedgerPage = { offset: 0, limit: PAGE_SIZE };
