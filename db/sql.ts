// Runs Kysely-built queries synchronously on better-sqlite3, reusing one prepared statement per SQL
// text. Kysely only builds and types the SQL; better-sqlite3's synchronous API keeps whole service
// calls inside one real transaction, and cached statements avoid Kysely's per-query prepare cost.
import type Database from 'better-sqlite3';
import type { Compilable, CompiledQuery } from 'kysely';
import {
  Kysely,
  DummyDriver,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Schema } from './schema';

export type SqlParam = string | number | bigint | null | Buffer;

export function createQueryBuilder(): Kysely<Schema> {
  return new Kysely<Schema>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

export class Sql {
  private readonly statements = new Map<string, Database.Statement>();
  constructor(readonly sqlite: Database.Database) {}

  /**
   * The statement for `text`, in its default mode: a caller may switch it to pluck() or raw(),
   * which would otherwise stay switched for every later caller of the same text.
   */
  prepare(text: string): Database.Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.sqlite.prepare(text);
      this.statements.set(text, stmt);
    } else if (stmt.reader) {
      stmt.raw(false).pluck(false);
    }
    return stmt;
  }

  all<R>(query: Compilable<R> | CompiledQuery<R>): R[] {
    const { sql, parameters } = compiled(query);
    return this.prepare(sql).all(...(parameters as SqlParam[])) as R[];
  }

  first<R>(query: Compilable<R> | CompiledQuery<R>): R | undefined {
    const { sql, parameters } = compiled(query);
    return this.prepare(sql).get(...(parameters as SqlParam[])) as R | undefined;
  }

  run(query: Compilable<unknown> | CompiledQuery<unknown>): Database.RunResult {
    const { sql, parameters } = compiled(query);
    return this.prepare(sql).run(...(parameters as SqlParam[]));
  }
}

function compiled<R>(query: Compilable<R> | CompiledQuery<R>): CompiledQuery<R> {
  return 'compile' in query ? query.compile() : query;
}
