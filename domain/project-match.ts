// What identifies a project in an office's Excel ledger: its investor and its name, each set apart
// from how it happens to be written. Stored on every project (db/derived.ts, `match_key`), so that
// an import looks its rows up by index instead of reading every project.
import { nameKey } from './investor-names';

/** A project name set apart from width, case, spaces and punctuation (not legal forms: 集团总部项目 ≠ 总部项目). */
export const projectKey = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/** A project's investor and name as one key. */
export const matchKey = (investor: string | null | undefined, name: string) =>
  `${investorKey(investor ?? '')}\u0001${projectKey(name)}`;

/** Investors' keys, remembered: deriving projects in bulk meets each investor once per project. */
const investorKeys = new Map<string, string>();

function investorKey(name: string): string {
  let key = investorKeys.get(name);
  if (key === undefined) {
    key = nameKey(name);
    if (investorKeys.size >= 100_000) investorKeys.clear();
    investorKeys.set(name, key);
  }
  return key;
}
