// Where a project's region is worth a look (issue 17; for the data-quality view): its own country
// differs from the HQ country of its investor group's ultimate parent.
import type { Tx } from '../app-database';

export interface RegionMismatch {
  id: string;
  name: string;
  /** The project's own country (the override). */
  country: string;
  /** The group's HQ country. */
  groupCountry: string;
}

/** Live projects whose own country differs from their group's HQ country, by name. */
export function regionMismatches(tx: Tx): RegionMismatch[] {
  return tx.sql
    .prepare(
      `SELECT id, name, country, group_country AS groupCountry FROM project
       WHERE deleted = 0 AND country IS NOT NULL AND group_country IS NOT NULL
         AND country <> group_country
       ORDER BY name, id`,
    )
    .all() as RegionMismatch[];
}
