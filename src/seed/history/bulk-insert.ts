/**
 * Multi-row INSERTs from parallel arrays (`INSERT … SELECT … FROM unnest($1::uuid[], $2::text[], …)`): one
 * parameter per column however many rows, in place of COPY (pg-copy-streams is not a dependency). Rows keep
 * their order (WITH ORDINALITY … ORDER BY), so serial ids follow it.
 */
export interface BulkColumn<R> {
  name: string;
  /** The column's SQL type; the parameter is an array of it. */
  type: string;
  value: (row: R) => unknown;
  /** Epoch milliseconds in, timestamptz out (exact: no float or text round trip). */
  epochMs?: boolean;
}

export interface BulkTable<R> {
  table: string;
  columns: BulkColumn<R>[];
}

/** One INSERT of the table's rows as a data-modifying CTE body, its parameters numbered from `first`. */
export function insertSql<R>(spec: BulkTable<R>, first: number): string {
  const names = spec.columns.map((c) => `"${c.name}"`).join(', ');
  const params = spec.columns
    .map((c, i) => `$${first + i}::${c.epochMs ? 'bigint' : c.type.replace(/\[\]$/, '')}[]`)
    .join(', ');
  const aliases = spec.columns.map((_, i) => `c${i}`).join(', ');
  const exprs = spec.columns
    .map((c, i) =>
      c.epochMs
        ? `'epoch'::timestamptz + u.c${i} * interval '1 millisecond'`
        : c.type.endsWith('[]')
          ? `u.c${i}::${c.type}`
          : `u.c${i}`,
    )
    .join(', ');
  return `INSERT INTO "${spec.table}" (${names}) SELECT ${exprs} FROM unnest(${params}) WITH ORDINALITY AS u(${aliases}, n) ORDER BY u.n`;
}

/** The parameters for `insertSql`: one array per column. A column typed `x[]` takes PostgreSQL array literals. */
export function insertParams<R>(spec: BulkTable<R>, rows: readonly R[]): unknown[][] {
  return spec.columns.map((c) => {
    const values = rows.map(c.value);
    return c.type.endsWith('[]') ? values.map((v) => arrayLiteral(v as string[])) : values;
  });
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

/** A table's rows ready to be inserted. */
export interface BoundInsert {
  table: string;
  rows: number;
  sql(firstParam: number): string;
  params(): unknown[][];
}

export function bind<R>(spec: BulkTable<R>, rows: readonly R[]): BoundInsert {
  return {
    table: spec.table,
    rows: rows.length,
    sql: (first) => insertSql(spec, first),
    params: () => insertParams(spec, rows),
  };
}

/**
 * Several INSERTs as one statement (data-modifying CTEs): one round trip, and atomic on its own — the rows of a
 * batch are all written or none is.
 */
export function combinedInsert(parts: readonly BoundInsert[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const ctes: string[] = [];
  for (const part of parts.filter((p) => p.rows > 0)) {
    ctes.push(`i${ctes.length} AS (${part.sql(params.length + 1)})`);
    params.push(...part.params());
  }
  if (ctes.length === 0) return { sql: 'SELECT 1', params };
  return { sql: `WITH ${ctes.join(',\n')}\nSELECT 1`, params };
}
