/**
 * docs/errors.md against what it documents: its error tables list exactly the folders of
 * the error catalogue (fixtures/errors/), each with the catalogue's command, exit code and
 * message, and its limits table states the limits the code has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES } from '../src/config/load.js';
import { MAX_DEPTH } from '../src/config/yaml.js';
import { HEADER_SEARCH_ROWS } from '../src/read/headers.js';
import { describeLimit, LIMIT_SPECS } from '../src/limits.js';
import { MAX_LEDGER_NUMBER } from '../src/read/cells.js';

const DOC = readFileSync('docs/errors.md', 'utf8');
const CATALOGUE = 'fixtures/errors';
/** The text of a `## title` section, up to the next one. */
function section(title: string): string {
  const start = DOC.indexOf(`\n## ${title}\n`);
  expect(start, `docs/errors.md has a section "## ${title}"`).toBeGreaterThanOrEqual(0);
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** `| \`name\` | exit | \`kpi args\` | \`message\` | \`中文\` |` rows; `\|` stands for `|`. */
const rows = [...section('Errors').matchAll(/^\| `([^`]+)` \| (\d) \| `kpi ([^`]*)` \| `(.*?)` \| `(.*)` \|$/gm)].map((m) => ({
  name: m[1], exit: Number(m[2]), command: m[3], message: m[4].replace(/\\\|/g, '|'), zh: m[5].replace(/\\\|/g, '|'),
}));

describe('docs/errors.md', () => {
  it('lists every folder of the catalogue once, and no other', () => {
    expect(rows.map((r) => r.name).sort()).toEqual(readdirSync(CATALOGUE).sort());
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it.each(rows)('$name: the command, exit code and message (English and Chinese) of its expected.json', ({ name, exit, command, message, zh }) => {
    const expected = JSON.parse(readFileSync(join(CATALOGUE, name, 'expected.json'), 'utf8')) as {
      args: string[]; exit: number; stdout?: string; stderr?: string; stdout_zh?: string; stderr_zh?: string;
    };
    expect({ exit, command, message, zh }).toEqual({
      exit: expected.exit, command: expected.args.join(' '), message: expected.stdout || expected.stderr, zh: expected.stdout_zh || expected.stderr_zh,
    });
  });

  it('states the limits the code has, and the --limit name of each one that can be raised', () => {
    const limits = section('Limits');
    const row = (what: string) => limits.split('\n').find((line) => line.startsWith(`| ${what} |`))?.split(' | ')[1];
    const mib = (bytes: number) => (bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : `${bytes / 1024 ** 2} MiB`);
    for (const spec of LIMIT_SPECS) expect(row(`\`${spec.name}\``), spec.name).toBe(describeLimit(spec));
    expect(limits.match(/^\| `[a-z][a-z-]*` \|/gm)).toHaveLength(LIMIT_SPECS.length);
    expect(row('Config file size')).toBe(mib(MAX_CONFIG_BYTES));
    expect(row('Config nesting depth')).toBe(`${MAX_DEPTH} levels`);
    expect(row('Rows searched for the header')).toBe(String(HEADER_SEARCH_ROWS));
    expect(row('Magnitude of a ledger number')).toBe(`10^${Math.log10(MAX_LEDGER_NUMBER)}`);
  });
});
