// What a service receives inside one transaction (AppDatabase.transact): the statements, the query
// builder, the mutation layer and the replica's site id. Apart from app-database.ts so that the
// sync engine, which app-database.ts calls on opening, does not import it back.
import type { Kysely } from 'kysely';
import type { Mutations } from './mutation';
import type { Schema } from './schema';
import type { Sql } from './sql';

export interface Tx {
  readonly sql: Sql;
  readonly qb: Kysely<Schema>;
  readonly mutate: Mutations;
  readonly siteId: string;
}
