/**
 * Property tests over what reads untrusted text (RELIABILITY §9 case 49, issue 7
 * "Fuzzing"): the config loader always answers with problems or a scheme, never another
 * exception; the cell parsers answer ok or not, never throw and never give NaN or
 * Infinity; and a CSV written by csv-stringify from arbitrary rows reads back to the same
 * values. Runs are bounded (a few hundred cases) so the suite stays fast.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load.js';
import { KpiError } from '../../src/errors.js';
import type { Scheme } from '../../src/core/types.js';
import { parseBooleanCell, parseDateCell, parseNumberCell } from '../../src/read/cells.js';
import { ingestLedgers } from '../../src/read/ingest.js';
import { CsvTokenizer } from '../../src/read/csv-tokenizer.js';
import type { RawRow } from '../../src/read/table.js';
import type { ScoreReport } from '../../src/core/report.js';
import { neutralizeCell, renderCsv } from '../../src/render/csv.js';
import { SCHEME } from './kit.js';

const SAMPLE = readFileSync('fixtures/sample/kpi.yaml', 'utf8');
const PLACE = /^kpi\.yaml:\d+:\d+$/;

/** The loader's answer must be a result: a scheme without problems, or problems with places. */
function expectResult(text: string): void {
  const check = checkConfigText(text, 'kpi.yaml');
  expect(Array.isArray(check.problems)).toBe(true);
  if (check.scheme === null) {
    expect(check.problems.length).toBeGreaterThan(0);
    for (const p of check.problems) {
      expect(p.where).toMatch(PLACE);
      // A message in both languages (or a plain string), never empty.
      for (const text of typeof p.message === 'string' ? [p.message] : [p.message.en, p.message.zh]) expect(text).toMatch(/\S/);
    }
  } else {
    expect(check.problems).toEqual([]);
  }
}

const YAML_PIECES = [' ', '  ', '\n', '\n  ', ':', ': ', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '!', '!!str ', '|', '>', '#', "'", '"', '?', '%', '@', '`', '<<: ', '---\n', '...\n', '\t', '\\', 'a', 'title', 'roles', 'sources', '__proto__', 'constructor', '1', '-1', '95%', '.inf', 'null', '~', 'true', '中文', '\u0000', '\uFEFF', '\r\n'];
const yamlish = fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 80 }).map((parts) => parts.join(''));

type Mutation = (text: string, rand: () => number) => string;
const pick = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)];
const MUTATIONS: Mutation[] = [
  (t, r) => { const i = Math.floor(r() * t.length); return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 20)); },
  (t, r) => { const i = Math.floor(r() * t.length); return t.slice(0, i) + pick(YAML_PIECES, r) + t.slice(i); },
  (t, r) => { const lines = t.split('\n'); const i = Math.floor(r() * lines.length); lines.splice(i, 0, lines[i]); return lines.join('\n'); },
  (t, r) => { const lines = t.split('\n'); const [i, j] = [Math.floor(r() * lines.length), Math.floor(r() * lines.length)]; [lines[i], lines[j]] = [lines[j], lines[i]]; return lines.join('\n'); },
  (t, r) => { const lines = t.split('\n'); const i = Math.floor(r() * lines.length); lines[i] = (r() < 0.5 ? '  ' : '') + lines[i].replace(/^ {2}/, r() < 0.5 ? '' : '    '); return lines.join('\n'); },
  // A value replaced: numbers, ids and words a scheme might hold, some of them wrong.
  (t, r) => {
    const values = [...t.matchAll(/(?<=: )[^\s{},[\]#]+/g)];
    if (values.length === 0) return t;
    const m = pick(values, r);
    const replacement = pick(['0', '-1', '1e308', '5e-324', '100%', '150', 'x', 'visits', 'score', 'work', 'engineer', 'linear', 'ratio', 'bands', '[]', '{}', '"a, b"', 'min(visits, 1)', 'visits / 0', '__proto__', 'constructor', 'toString'], r);
    return t.slice(0, m.index) + replacement + t.slice(m.index! + m[0].length);
  },
];
const mutated = (base: string) => fc.tuple(fc.array(fc.nat(MUTATIONS.length - 1), { minLength: 1, maxLength: 4 }), fc.integer()).map(([ops, seed]) => {
  let state = seed >>> 0 || 1;
  const rand = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
  return ops.reduce((text, op) => MUTATIONS[op](text, rand), base);
});

describe('the config loader on arbitrary text', () => {
  it('YAML-ish text: problems with places, never an exception', () => {
    fc.assert(fc.property(yamlish, expectResult), { numRuns: 200 });
  });

  it('any Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), expectResult), { numRuns: 200 });
  });

  it.each([['the suite\'s scheme', SCHEME], ['the sample scheme', SAMPLE]])('mutations of %s', (_name, base) => {
    expect(checkConfigText(base, 'kpi.yaml').problems).toEqual([]);
    fc.assert(fc.property(mutated(base), expectResult), { numRuns: base === SAMPLE ? 60 : 100 });
  });
});

const cellText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.constantFrom(...'0123456789.,-+eE% ¥$()年月日号/:T０１２３４５６７８９％．，\u00A0\u3000\u2212'), { maxLength: 25 }).map((c) => c.join('')),
  fc.double().map(String),
  fc.integer({ min: -1e6, max: 4e6 }).map(String),
);

describe('the cell parsers on arbitrary text', () => {
  it('numbers: ok with a finite number or empty, or a reason', () => {
    fc.assert(fc.property(cellText, (text) => {
      const r = parseNumberCell(text);
      if (r.ok) expect(r.value === null || Number.isFinite(r.value)).toBe(true);
      else expect(String(r.reason)).toMatch(/\S/);
    }), { numRuns: 500 });
  });

  it('dates, in every day/month order: ok with a finite day number or empty, or a reason', () => {
    fc.assert(fc.property(cellText, fc.constantFrom(undefined, 'dmy', 'mdy', 'ymd') as fc.Arbitrary<'dmy' | 'mdy' | 'ymd' | undefined>, (text, order) => {
      const r = parseDateCell(text, order);
      if (r.ok) expect(r.value === null || Number.isFinite(r.value)).toBe(true);
      else expect(String(r.reason)).toMatch(/\S/);
    }), { numRuns: 500 });
  });

  it('yes/no, with and without words of the config', () => {
    const words = fc.option(fc.record({ trueValues: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), falseValues: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }) }), { nil: undefined });
    fc.assert(fc.property(cellText, words, (text, extra) => {
      const r = parseBooleanCell(text, extra);
      if (r.ok) expect([true, false, null]).toContain(r.value);
      else expect(String(r.reason)).toMatch(/\S/);
    }), { numRuns: 300 });
  });
});

describe('a CSV written by csv-stringify reads back to the same rows', () => {
  const ROUND_TRIP = `version: 1
sources:
  services:
    columns: { employee: ID, name: Name, date: Date, score: Score }
    types: { score: number }
metrics:
  score: { source: services, agg: sum, field: score }
dimensions:
  work:
    indicators:
      - { metric: score, weight: 100, standard: { method: direct } }
roles:
  engineer: { weights: { work: 100 } }
grades:
  - { grade: A }
`;
  const scheme = checkConfigText(ROUND_TRIP, 'kpi.yaml').scheme as Scheme;
  const dir = mkdtempSync(join(tmpdir(), 'kpi-roundtrip-'));
  let n = 0;

  // Text with what breaks CSV writers and readers: quotes, delimiters, line breaks,
  // formula triggers, BOMs, NUL, CJK and astral characters.
  const tricky = fc.array(fc.oneof(
    fc.constantFrom('"', ',', ';', '|', '\t', '\n', '\r', '\r\n', ' ', '=', '+', '-', '@', '\u0000', '\uFEFF', '中', '𠀀', 'é', "'", '\\'),
    fc.string({ unit: 'binary', maxLength: 4 }),
  ), { maxLength: 12 }).map((parts) => parts.join(''));
  const ids = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{1,6}$/), tricky).map(([a, b]) => `${a}${b}`.trim()).filter((id) => id !== ''), { minLength: 1, maxLength: 15 });
  const rows = ids.chain((list) => fc.tuple(
    fc.constant(list),
    fc.array(tricky, { minLength: list.length, maxLength: list.length }),
    fc.array(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })), { minLength: list.length, maxLength: list.length }),
  ));

  it('arbitrary bytes or text as a ledger: rows or a KpiError, never another exception', async () => {
    const header = fc.constantFrom('', 'ID,Name,Date,Score\n', '\uFEFFID;Name;Date;Score\r\n', 'ID\tName\tDate\tScore\n');
    const body = fc.oneof(
      tricky.map((t) => Buffer.from(t)),
      fc.array(fc.tuple(tricky, tricky, fc.constantFrom('2026-11-05', '', 'x', '46331'), tricky), { maxLength: 8 }).map((rs) => Buffer.from(rs.map((r) => r.join(',')).join('\n'))),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    );
    await fc.assert(fc.asyncProperty(header, body, fc.constantFrom(undefined, 'gb18030', 'utf-16le'), async (head, bytes, encoding) => {
      const file = join(dir, `services-${n++}.csv`);
      writeFileSync(file, Buffer.concat([Buffer.from(head), bytes]));
      try {
        const { book } = await ingestLedgers([file], scheme, { period: null, sourceOverrides: new Map(), encoding });
        expect(book.stats.rows).toBeGreaterThanOrEqual(book.rejected.length);
      } catch (error) {
        expect(error, String((error as Error)?.stack)).toBeInstanceOf(KpiError);
      }
    }), { numRuns: 200 });
  });

  // The delimiter is given: detection reads physical lines, and multi-line cells can make it
  // pick another delimiter (a known bug of src/read/csv.ts, reported with this suite).
  it('every id, name and number, through ingestLedgers', async () => {
    await fc.assert(fc.asyncProperty(rows, fc.constantFrom('\n', '\r\n'), async ([list, names, scores], eol) => {
      const file = join(dir, `services-${n++}.csv`);
      const records = list.map((id, i) => [id, names[i], '2026-11-05', scores[i]]);
      // Quoting every line break, as Excel, Python and kpi's own CSV report do: kpi ends a
      // record at any line break outside quotes (csv-stringify alone leaves a lone CR bare).
      writeFileSync(file, stringify([['ID', 'Name', 'Date', 'Score'], ...records], { record_delimiter: eol === '\n' ? 'unix' : 'windows', quoted_match: /[\r\n]/ }));
      const { book } = await ingestLedgers([file], scheme, { period: null, sourceOverrides: new Map(), delimiter: ',' });
      expect(book.rejected).toEqual([]);
      expect(book.stats).toEqual({ rows: list.length, rowsOutOfPeriod: 0, rejected: 0, read: list.length, used: list.length, blank: 0 });
      expect([...book.seen.keys()].sort()).toEqual([...list].sort());
      list.forEach((id, i) => {
        expect(book.seen.get(id) ?? null, `name of ${JSON.stringify(id)}`).toBe(names[i].trim() === '' ? null : names[i].trim());
        expect(book.inPeriod.valuesOf(id).get('score'), `score of ${JSON.stringify(id)}`).toBe(scores[i] === 0 ? 0 : scores[i]);
      });
    }), { numRuns: 150 });
  });
});

describe("kpi's own CSV report reads back through kpi's CSV reader", () => {
  const minimal = checkConfigText(readFileSync('fixtures/minimal/kpi.yaml', 'utf8'), 'kpi.yaml').scheme as Scheme;
  const text = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', '=', '+', '-', '@', '\t', '1', '；', '\u0000') });

  it('every id, name, role and team, neutralised as written, on one record per person', () => {
    fc.assert(fc.property(fc.array(fc.tuple(text, fc.option(text), text, fc.option(text)), { minLength: 1, maxLength: 6 }), (people) => {
      const report: ScoreReport = {
        title: 't', period: '2026-11', config: 'kpi.yaml', progress: null, rejected: [], warnings: [], stats: { rows: 0, rowsOutOfPeriod: 0, rejected: 0 },
        employees: people.map(([id, name, role, team], i) => ({
          id, name, role, team, base: i, adjustment: 0, final: i, grade: 'A', rank: i + 1, teamRank: null, vetoes: [], error: null,
          dimensions: [], indicators: [],
        })),
      };
      const written = Buffer.from(renderCsv(report, minimal), 'utf8');
      expect([...written.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const tokenizer = new CsvTokenizer(',');
      const records: RawRow[] = [];
      tokenizer.push(written.subarray(3), records);
      tokenizer.end(records);
      // The header and one record per person, whatever line breaks the names hold.
      expect(records).toHaveLength(people.length + 1);
      people.forEach(([id, name, role, team], i) => {
        expect(records[i + 1].cells.slice(0, 4)).toEqual([id, name ?? '', role, team ?? ''].map(neutralizeCell));
      });
    }), { numRuns: 300 });
  });
});
