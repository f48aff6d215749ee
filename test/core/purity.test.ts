/**
 * Keeps src/core pure (STYLE.md): no module there imports anything that does IO, styling,
 * parsing of files or the CLI, nor touches `process` or `console`; its relative imports stay
 * inside core/. A lint rule written as a test, so it runs everywhere the tests run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = join(dirname(fileURLToPath(import.meta.url)), '../../src/core');

const FORBIDDEN = [
  'fs', 'fs/promises', 'path', 'os', 'process', 'child_process',
  'chalk', 'exceljs', 'yaml', 'csv-parse', 'csv-stringify', 'cli-table3', 'commander', 'iconv-lite',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?[jt]s$/.test(entry.name) ? [path] : [];
  });
}

/** The code without comments, so prose such as "process control" cannot trip the check. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module specifier: static and type imports, re-exports, dynamic import(), require(). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]);
  return found;
}

/** `node:fs/promises` → `fs/promises`; `csv-parse/sync` → `csv-parse`, also kept whole. */
function forbidden(specifier: string): boolean {
  const bare = specifier.replace(/^node:/, '');
  const pkg = bare.split('/')[0];
  return FORBIDDEN.includes(bare) || FORBIDDEN.includes(pkg);
}

const FILES = sourceFiles(CORE).map((path) => [relative(CORE, path), path] as const);

describe('src/core is pure', () => {
  it('has files to check', () => {
    expect(FILES.length).toBeGreaterThan(10);
  });

  it.each(FILES)('%s', (_name, path) => {
    const text = code(readFileSync(path, 'utf8'));
    const imports = specifiers(text);
    expect(imports.filter(forbidden), 'forbidden imports').toEqual([]);
    // The message catalogs (src/messages) are pure too: words, no IO (checked below).
    expect(imports.filter((s) => s.startsWith('..') && !s.startsWith('../messages/')), 'imports from outside core/').toEqual([]);
    expect(imports.filter((s) => !s.startsWith('.')), 'package imports').toEqual([]);
    expect(text.match(/\bprocess\s*\./g) ?? [], 'uses of process.').toEqual([]);
    expect(text.match(/\bconsole\s*\./g) ?? [], 'uses of console.').toEqual([]);
  });
});

describe('src/messages, which core may use, is pure', () => {
  const dir = join(CORE, '../messages');
  it.each(sourceFiles(dir).map((path) => [relative(dir, path), path] as const))('%s', (_name, path) => {
    const text = code(readFileSync(path, 'utf8'));
    expect(specifiers(text).filter((s) => !s.startsWith('./')), 'imports other than sibling catalogs').toEqual([]);
    expect(text.match(/\bprocess\s*\./g) ?? [], 'uses of process.').toEqual([]);
  });
});

describe('the purity check itself', () => {
  it.each<[string, string[]]>([
    ["import { readFileSync } from 'node:fs';", ['node:fs']],
    ["import type { X } from './types.js';", ['./types.js']],
    ["export { a } from './a.js';", ['./a.js']],
    ["import chalk from 'chalk';", ['chalk']],
    ["const m = await import('exceljs');", ['exceljs']],
    ["import {\n  parse,\n} from 'csv-parse/sync';", ['csv-parse/sync']],
    ["import 'iconv-lite';", ['iconv-lite']],
  ])('finds the specifiers of %j', (source, expected) => {
    expect(specifiers(source)).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['node:fs', true],
    ['fs/promises', true],
    ['csv-parse/sync', true],
    ['node:child_process', true],
    ['yaml', true],
    ['./types.js', false],
    ['zod', false],
  ])('%s forbidden: %s', (specifier, expected) => {
    expect(forbidden(specifier)).toBe(expected);
  });

  it('ignores comments', () => {
    expect(code('/** process.exit in prose */ const a = 1; // console.log(a)')).not.toMatch(/process\.|console\./);
    expect(code("const s = 'http://x'; process.exit(1);")).toMatch(/process\./);
  });
});
