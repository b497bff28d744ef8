import type BetterSqlite3 from 'better-sqlite3';
import { fromStored, toStored, type Doc } from './ejson';
import { duplicateKey } from './errors';
import type { Pushdown } from './query-pushdown';

/** More expression indexes than this per collection would slow every write; scan instead. */
const MAX_FIELD_INDEXES = 16;

/**
 * One collection's SQLite table. Statements are prepared once and cached. Rows come back in
 * insertion order (rowid), which is the natural order production shows without orderBy.
 */
export class CollectionTable {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly indexedFields = new Set<string>();

  constructor(
    private readonly sql: BetterSqlite3.Database,
    readonly name: string,
    readonly tableName: string,
  ) {
    // Indexes created by an earlier run are reused: remember which fields have them.
    const prefix = `ix_${tableName}_`;
    const rows = sql
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")
      .all(tableName) as { name: string }[];
    for (const { name: ix } of rows) {
      if (ix.startsWith(prefix) && ix.endsWith('_v'))
        this.indexedFields.add(ix.slice(prefix.length, -2));
    }
  }

  get(key: string): Doc | undefined {
    const row = this.stmt(`SELECT doc FROM ${this.tableName} WHERE id = ?`).get(key) as
      { doc: string } | undefined;
    return row ? fromStored(row.doc) : undefined;
  }

  /** Candidate documents in natural order, narrowed by an indexed predicate when given. */
  *scan(pushdown?: Pushdown): Generator<Doc> {
    const { sql, params } = this.scanSql(pushdown);
    for (const row of this.stmt(sql).iterate(...params))
      yield fromStored((row as { doc: string }).doc);
  }

  /** SQLite's plan for the scan of `pushdown` (EXPLAIN QUERY PLAN details): tests check it. */
  queryPlan(pushdown?: Pushdown): string[] {
    const { sql, params } = this.scanSql(pushdown);
    const rows = this.sql.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{
      detail: string;
    }>;
    return rows.map((row) => row.detail);
  }

  private scanSql(pushdown?: Pushdown): { sql: string; params: Array<string | number> } {
    if (pushdown?.kind === 'id') {
      return { sql: `SELECT doc FROM ${this.tableName} WHERE id = ?`, params: [pushdown.key] };
    }
    if (pushdown?.kind === 'ids') {
      const marks = pushdown.keys.map(() => '?').join(', ');
      return {
        sql: `SELECT doc FROM ${this.tableName} WHERE id IN (${marks}) ORDER BY rowid`,
        params: pushdown.keys,
      };
    }
    if (pushdown && this.ensureIndex(pushdown.field)) {
      return { sql: this.fieldScanSql(pushdown.field), params: [pushdown.value] };
    }
    return { sql: `SELECT doc FROM ${this.tableName} ORDER BY rowid`, params: [] };
  }

  insert(key: string, doc: Doc): void {
    try {
      this.stmt(`INSERT INTO ${this.tableName} (id, doc) VALUES (?, ?)`).run(key, toStored(doc));
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw duplicateKey(this.name, key);
      }
      throw error;
    }
  }

  /** Replaces in place, keeping the row's position in natural order. */
  replace(key: string, doc: Doc): void {
    this.stmt(`UPDATE ${this.tableName} SET doc = ? WHERE id = ?`).run(toStored(doc), key);
  }

  remove(key: string): boolean {
    return this.stmt(`DELETE FROM ${this.tableName} WHERE id = ?`).run(key).changes > 0;
  }

  count(): number {
    const row = this.stmt(`SELECT COUNT(*) AS n FROM ${this.tableName}`).get() as { n: number };
    return row.n;
  }

  clear(): void {
    this.stmt(`DELETE FROM ${this.tableName}`).run();
  }

  /**
   * Mongo equality also matches arrays that contain the value, which json_extract equality
   * would miss; so rows whose field is an array are always candidates. SQLite answers the OR
   * from two expression indexes (MULTI-INDEX OR), so it stays an index lookup.
   */
  private fieldScanSql(field: string): string {
    return (
      `SELECT doc FROM ${this.tableName} WHERE json_extract(doc, '$.${field}') = ? ` +
      `OR json_type(doc, '$.${field}') = 'array' ORDER BY rowid`
    );
  }

  /** Indexes are created the first time a field is queried (field names are pre-validated). */
  private ensureIndex(field: string): boolean {
    if (this.indexedFields.has(field)) return true;
    if (this.indexedFields.size >= MAX_FIELD_INDEXES) return false;
    const base = `ix_${this.tableName}_${field}`;
    this.sql.exec(
      `CREATE INDEX IF NOT EXISTS ${base}_t ON ${this.tableName} (json_type(doc, '$.${field}'));` +
        `CREATE INDEX IF NOT EXISTS ${base}_v ON ${this.tableName} (json_extract(doc, '$.${field}'))`,
    );
    this.indexedFields.add(field);
    return true;
  }

  private stmt(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sql.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
