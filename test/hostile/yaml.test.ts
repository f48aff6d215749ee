/**
 * Hostile kpi.yaml files (RELIABILITY §9 cases 40–44): alias bombs, `__proto__` and
 * `constructor` keys, duplicate keys, tags, several documents, deep nesting, empty files,
 * files that are not UTF-8 or are megabytes long. Each is a config error with its
 * `kpi.yaml:line:column` and exit 1 — checked through the loader for the exact line, and
 * through the CLI for what a person sees — and none may change Object.prototype.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConfigText } from '../../src/config/load.js';
import { formatProblem } from '../../src/errors.js';
import { expectError, firstLine, HEADER, runMany, SCHEME, workspace, type CliResult } from './kit.js';

const BOMB = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
`;
const lineOf = (needle: string) => SCHEME.slice(0, SCHEME.indexOf(needle)).split('\n').length;
const END = SCHEME.split('\n').length; // the line after the scheme (it ends with a newline)
const ROLE = '  engineer: { weights: { work: 100 } }';

// [case, config text, the first problem as `kpi validate` prints it]
const CASES: [string, string, string][] = [
  ['billion laughs', SCHEME + BOMB, `kpi.yaml:${END + 1}:8: the aliases (*a …) expand to more than 50 copies: this looks like an alias bomb, so the config is refused (write the values out instead of repeating aliases)`],
  ['aliases inside a value', SCHEME.replace('title: Hostile input', `title: &t [${'x,'.repeat(8)}x]\nlabels: &l [${'*t,'.repeat(60)}*t]`), 'kpi.yaml:3:13: the aliases (*t …) expand to more than 50 copies: this looks like an alias bomb, so the config is refused (write the values out instead of repeating aliases)'],
  ['merge keys are plain keys (YAML 1.2): a repeated << is a duplicate', `${SCHEME}x: &x { a: 1 }\ny:\n  <<: *x\n  <<: *x\n`, `kpi.yaml:${END + 3}:3: the key "<<" appears twice in the same block; keep one`],
  ['cyclic alias', `${SCHEME}x: &x\n  a: *x\n`, `kpi.yaml:${END}:1: unknown key "x"`],
  ['__proto__ at the top', `${SCHEME}__proto__:\n  polluted: true\n`, `kpi.yaml:${END}:1: the key "__proto__" is not allowed in kpi.yaml (it is reserved by JavaScript) (rename it)`],
  ['__proto__ nested in a strict block', SCHEME.replace(ROLE, '  engineer: { weights: { work: 100 }, __proto__: { polluted: true } }'), `kpi.yaml:${lineOf(ROLE)}:39: the key "__proto__" is not allowed in kpi.yaml (it is reserved by JavaScript) (rename it)`],
  ['__proto__ as a role id (a record would drop it silently)', SCHEME.replace(ROLE, `${ROLE}\n  __proto__: { weights: { work: 100 } }`), `kpi.yaml:${lineOf(ROLE) + 1}:3: the key "__proto__" is not allowed in kpi.yaml (it is reserved by JavaScript) (rename it)`],
  ['__proto__ as a weight', SCHEME.replace('weights: { work: 100 }', 'weights: { work: 100, __proto__: 5 }'), `kpi.yaml:${lineOf(ROLE)}:37: the key "__proto__" is not allowed in kpi.yaml (it is reserved by JavaScript) (rename it)`],
  ['constructor at the top', `${SCHEME}constructor:\n  prototype: { polluted: true }\n`, `kpi.yaml:${END}:1: unknown key "constructor"`],
  ['constructor in a source', SCHEME.replace('    types: { score: number }', '    types: { score: number }\n    constructor: x'), `kpi.yaml:${lineOf('    types:') + 1}:5: unknown key "constructor" in sources.services`],
  ['duplicate key at the top', SCHEME.replace('locale: en\n', 'locale: en\ntitle: Again\n'), 'kpi.yaml:4:1: the key "title" appears twice in the same block; keep one'],
  ['duplicate key in a flow mapping', SCHEME.replace('{ weights: { work: 100 } }', '{ weights: { work: 100, work: 50 } }'), `kpi.yaml:${lineOf(ROLE)}:37: the key "work" appears twice in the same block; keep one`],
  ['!!js/function', SCHEME.replace('title: Hostile input', 'title: !!js/function "function () { return 1 }"'), 'kpi.yaml:2:8: Unresolved tag: tag:yaml.org,2002:js/function (tags such as !foo are not allowed in kpi.yaml)'],
  ['!foo', SCHEME.replace('title: Hostile input', 'title: !foo bar'), 'kpi.yaml:2:8: Unresolved tag: !foo (tags such as !foo are not allowed in kpi.yaml)'],
  ['!!binary', SCHEME.replace('title: Hostile input', 'title: !!binary aGVsbG8='), 'kpi.yaml:2:8: Unresolved tag: tag:yaml.org,2002:binary (tags such as !foo are not allowed in kpi.yaml)'],
  ['!!set', SCHEME.replace('title: Hostile input', 'title: !!set { a, b }'), 'kpi.yaml:2:8: Unresolved tag: tag:yaml.org,2002:set (tags such as !foo are not allowed in kpi.yaml)'],
  ['two documents', `${SCHEME}---\ntitle: second\n`, `kpi.yaml:${END}:1: a second YAML document starts here (after ---); kpi.yaml holds one (remove the "---" line and what follows it, or merge the two into one)`],
  ['tabs as indentation', SCHEME.replace(ROLE, ROLE.replace('  ', '\t')), `kpi.yaml:${lineOf(ROLE)}:1: YAML syntax: Tabs are not allowed as indentation (look at the indentation and brackets on this line and the line above)`],
  ['YAML 1.1 NO stays the string "NO"', SCHEME.replace('locale: en', 'locale: en\nperiod: NO'), 'kpi.yaml:4:9: period: string "NO" is not allowed; use one of "month", "quarter", "half", "year"'],
  ['.inf', SCHEME.replace('zero: 0, target: 100', 'zero: 0, target: .inf'), `kpi.yaml:${lineOf('      - { metric: score')}:83: dimensions.work.indicators[0].standard.target: expected a number or a percentage such as 95% (got .inf (not a finite number))`],
  ['.nan', SCHEME.replace('zero: 0, target: 100', 'zero: 0, target: .nan'), `kpi.yaml:${lineOf('      - { metric: score')}:83: dimensions.work.indicators[0].standard.target: expected a number or a percentage such as 95% (got .nan (not a finite number))`],
  ['1e400', SCHEME.replace('zero: 0, target: 100', 'zero: 0, target: 1e400'), `kpi.yaml:${lineOf('      - { metric: score')}:83: dimensions.work.indicators[0].standard.target: expected a number or a percentage such as 95% (got .inf (not a finite number))`],
  ['5,000 nested [ (the parser\'s stack)', `${SCHEME}x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, `kpi.yaml:${END}:`],
  ['40 nested blocks', `${SCHEME}x:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`, `kpi.yaml:${END + 32}:${2 * 32 + 1}: the YAML is nested more than 32 levels deep here (a scheme needs far fewer: is this the right file?)`],
  ['empty file', '', 'kpi.yaml:1:1: the config is empty or not a block of keys (run "kpi init" for a complete example)'],
  ['comments only', '# the scheme\n# comes later\n', 'kpi.yaml:1:1: the config is empty or not a block of keys (run "kpi init" for a complete example)'],
  ['a list, not a block of keys', '- title\n- roles\n', 'kpi.yaml:1:1: the config is empty or not a block of keys (run "kpi init" for a complete example)'],
  ['a key over 1024 characters', `${SCHEME}${'k'.repeat(2000)}: 1\n`, `kpi.yaml:${END}:1: YAML syntax: The : indicator must be at most 1024 chars after the start of an implicit block mapping key (look at the indentation and brackets on this line and the line above)`],
  ['not UTF-8 (GBK read as UTF-8)', SCHEME.replace('Hostile input', 'H\uFFFD\uFFFDstile'), 'kpi.yaml:2:9: the config is not UTF-8 text here (saved as GBK, ANSI or UTF-16?) (save kpi.yaml as UTF-8 (in Notepad: Save As › Encoding › UTF-8))'],
  ['a NUL byte', SCHEME.replace('Hostile input', 'Hos\u0000tile'), 'kpi.yaml:2:11: a control character (U+0000) is not allowed in YAML (delete it; write "\\t" or "\\n" inside double quotes if a value needs one)'],
  ['an escape sequence in a key', `${SCHEME}x\u001B[2J: 1\n`, `kpi.yaml:${END}:2: a control character (U+001B) is not allowed in YAML (delete it; write "\\t" or "\\n" inside double quotes if a value needs one)`],
  ['2 MB', `${SCHEME}# ${'padding '.repeat(262_144)}\n`, 'kpi.yaml:1:1: the config is 2.0 MiB, more than the 1 MiB a scheme can be (a scheme is a few kilobytes: is this the right file?)'],
];

describe('hostile configs through the loader (cases 40–44)', () => {
  it.each(CASES)('%s', (_name, text, expected) => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const started = Date.now();
    const check = checkConfigText(text, 'kpi.yaml');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(check.scheme).toBeNull();
    expect(String(formatProblem(check.problems[0]))).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the 5,000 nested brackets are one problem, not one per level', () => {
    const check = checkConfigText(`${SCHEME}x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'kpi.yaml');
    expect(check.problems.map((p) => p.message)).toEqual(['the YAML is nested too deeply for kpi to read']);
  });

  it('a BOM and CRLF line ends are fine', () => {
    expect(checkConfigText(SCHEME.replace(/\n/g, '\r\n'), 'kpi.yaml').problems).toEqual([]);
  });
});

describe('hostile configs through the CLI: exit 1 and the line a person sees', () => {
  const ledger = { 'services.csv': `${HEADER}E1,2026-11-01,5,x\n` };
  const dirs = {
    bomb: workspace(ledger, SCHEME + BOMB),
    proto: workspace(ledger, SCHEME.replace(ROLE, `${ROLE}\n  __proto__: { weights: { work: 100 } }`)),
    huge: workspace(ledger, `${SCHEME}# ${'padding '.repeat(262_144)}\n`),
    gbk: workspace(ledger, Buffer.concat([Buffer.from(SCHEME.slice(0, 20)), Buffer.from([0xb9, 0xa4, 0xba, 0xc5]), Buffer.from(SCHEME.slice(20))])),
    utf16: workspace(ledger, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SCHEME, 'utf16le')])),
    bom: workspace(ledger, `\uFEFF${SCHEME}`),
  };
  let runs: Record<string, CliResult>;
  beforeAll(() => {
    const cases = {
      bombScore: { args: ['score', 'services.csv'], cwd: dirs.bomb },
      bombValidate: { args: ['validate'], cwd: dirs.bomb },
      protoScore: { args: ['score', 'services.csv'], cwd: dirs.proto },
      hugeScore: { args: ['score', 'services.csv'], cwd: dirs.huge },
      hugeValidate: { args: ['validate'], cwd: dirs.huge },
      gbkScore: { args: ['score', 'services.csv'], cwd: dirs.gbk },
      utf16Validate: { args: ['validate'], cwd: dirs.utf16 },
      bomValidate: { args: ['validate'], cwd: dirs.bom },
    };
    const names = Object.keys(cases) as (keyof typeof cases)[];
    const results = runMany(names.map((n) => cases[n]));
    runs = Object.fromEntries(names.map((n, i) => [n, results[i]]));
  });

  it('an alias bomb: kpi score exits 1 at the first alias', () => {
    expectError(runs.bombScore, 1, `kpi: error: kpi.yaml:${END + 1}:8: the aliases (*a …) expand to more than 50 copies: this looks like an alias bomb, so the config is refused (write the values out instead of repeating aliases)`);
  });

  it('an alias bomb: kpi validate lists it and exits 1', () => {
    expect(runs.bombValidate.status).toBe(1);
    expect(runs.bombValidate.stdout).toBe(`kpi.yaml: 1 problem\n  error: kpi.yaml:${END + 1}:8: the aliases (*a …) expand to more than 50 copies: this looks like an alias bomb, so the config is refused (write the values out instead of repeating aliases)\nnot valid\n`);
  });

  it('a role named __proto__ is an error, not a role that silently vanishes', () => {
    expectError(runs.protoScore, 1, `kpi: error: kpi.yaml:${lineOf(ROLE) + 1}:3: the key "__proto__" is not allowed in kpi.yaml (it is reserved by JavaScript) (rename it)`);
  });

  it('a 2 MB config: kpi score refuses it before reading it', () => {
    expectError(runs.hugeScore, 1, 'kpi: error: kpi.yaml:1:1: the config is 2.0 MiB, more than the 1 MiB a scheme can be (a scheme is a few kilobytes: is this the right file?)');
  });

  it('a 2 MB config: kpi validate says the same', () => {
    expect(runs.hugeValidate.status).toBe(1);
    expect(runs.hugeValidate.stdout).toContain('  error: kpi.yaml:1:1: the config is 2.0 MiB, more than the 1 MiB a scheme can be');
  });

  it('a config saved as GBK: the place of the first byte that is not UTF-8', () => {
    expectError(runs.gbkScore, 1, 'kpi: error: kpi.yaml:2:10: the config is not UTF-8 text here (saved as GBK, ANSI or UTF-16?) (save kpi.yaml as UTF-8 (in Notepad: Save As › Encoding › UTF-8))');
  });

  it('a config saved as UTF-16 ("Unicode" in Notepad)', () => {
    expect(runs.utf16Validate.status).toBe(1);
    expect(firstLine(runs.utf16Validate.stdout)).toBe('kpi.yaml: 1 problem');
    expect(runs.utf16Validate.stdout).toContain('  error: kpi.yaml:1:1: the config is not UTF-8 text here (saved as GBK, ANSI or UTF-16?)');
  });

  it('a UTF-8 BOM is fine', () => {
    expect(runs.bomValidate.status).toBe(0);
  });
});
