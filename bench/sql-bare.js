/**
 * The yardstick of bench/sql.js: one query, run the way kpi runs its own (a new node
 * process with the driver), its rows counted. `node bench/sql-bare.js postgres|duckdb URL SQL`.
 */
const [engine, url, sql] = process.argv.slice(2);
if (engine === 'postgres') {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(sql);
  await client.end();
  console.log(JSON.stringify({ rows: rows.length }));
} else {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const reader = await connection.runAndReadAll(sql);
  console.log(JSON.stringify({ rows: reader.getRowObjects().length }));
  connection.closeSync();
}
