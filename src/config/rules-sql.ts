/**
 * The rules of database sources (SPEC §14), checked with the rest of the config so
 * `kpi validate` says them at their line: a URL kpi can use and that holds no password,
 * exactly one of table and query, no file-only keys, and every derived field computable
 * in the database (the compiler of src/read/sql/ tried on it, without a database).
 */
import type { Source } from '../core/types.js';
import { sqlText } from '../messages/sql.js';
import { POSTGRES } from '../read/sql/dialect.js';
import { expressionSql, NotCompilable } from '../read/sql/expression.js';
import { Params } from '../read/sql/params.js';
import type { RuleContext } from './rules-context.js';

function passwordIn(url: string): boolean {
  try {
    return new URL(url).password !== '';
  } catch {
    // Not a URL the parser takes: look for user:password@ by hand.
    return /^[a-z]+:\/\/[^/@:]*:[^/@]+@/i.test(url);
  }
}

export function checkSqlSource(ctx: RuleContext, source: Source, raw: { sheet?: string; file?: string }): void {
  const sql = source.sql;
  if (!sql) return;
  const path = ['sources', source.id, 'sql'];
  const url = sql.url.trim();
  if (source.id === 'roster') ctx.problem(path, String(sqlText.rosterFromFile()), undefined, true);
  if (!/^(env:[A-Za-z_][A-Za-z0-9_]*|postgres(ql)?:\/\/.*|duckdb:.*)$/i.test(url)) ctx.problem([...path, 'url'], String(sqlText.badUrl({ source: source.id })));
  else if (/^postgres/i.test(url) && passwordIn(url)) ctx.problem([...path, 'url'], String(sqlText.passwordInConfig({ source: source.id })), String(sqlText.passwordHint()));
  if ((sql.table === undefined) === (sql.query === undefined)) ctx.problem(path, String(sqlText.tableOrQuery({ source: source.id })));
  for (const key of ['sheet', 'file'] as const) {
    if (raw[key] !== undefined) ctx.problem(['sources', source.id, key], String(sqlText.notForSql({ source: source.id, key })), undefined, true);
  }
  const params = new Params();
  for (const field of source.fields) {
    if (!field.derive) continue;
    try {
      expressionSql(field.derive, { dialect: POSTGRES, params, ref: (name) => `"${name}"`, calendar: { holidays: new Set(), workdays: new Set() } });
    } catch (error) {
      if (!(error instanceof NotCompilable)) throw error;
      ctx.problem(['sources', source.id, 'derive', field.id], String(sqlText.notCompilable({ source: source.id, why: error.message })));
    }
  }
}
