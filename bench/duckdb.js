/**
 * The bench's yardstick for CSV: DuckDB (`read_csv` + GROUP BY, one thread by default)
 * computing the benchmark's 7 metrics per person for November 2026, printed as JSON.
 * `node bench/duckdb.js FILE [THREADS]`. Needs the dev dependency @duckdb/node-api.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads = '1'] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads });
const connection = await db.connect();
const sql = `
  SELECT 工号 AS id,
    count(*) AS visits,
    count(*) FILTER (WHERE 服务类型 = '上门维修') AS repairs,
    avg(满意度) AS satisfaction,
    avg(CASE WHEN 是否及时 = '是' THEN 1 ELSE 0 END) AS on_time_rate,
    sum(响应时长) AS hours_total,
    quantile_cont(响应时长, 0.9) AS hours_p90,
    avg(CASE WHEN 一次修复 = '√' THEN 1 ELSE 0 END) FILTER (WHERE 服务类型 = '上门维修') AS fix_rate
  FROM read_csv('${file.replaceAll("'", "''")}', header = true,
    types = {'工号': 'VARCHAR', '服务日期': 'DATE', '满意度': 'DOUBLE', '响应时长': 'DOUBLE'})
  WHERE 服务日期 >= DATE '2026-11-01' AND 服务日期 < DATE '2026-12-01'
  GROUP BY 工号 ORDER BY 工号`;
const rows = (await connection.runAndReadAll(sql)).getRowObjects();
console.log(JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
