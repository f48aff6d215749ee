/**
 * Text encodings of CSV ledgers (RELIABILITY §9 cases 23, 25, 26): what Excel, WPS and
 * other exporters write is read to the same names — UTF-8 with and without BOM, UTF-16
 * with BOM, GB18030 with its 4-byte characters, GBK — also when a character straddles the
 * reader's 64 KiB chunks; legacy encodings kpi cannot detect are read right when named.
 */
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, firstLine, HEADER, runMany, scored, workspace, type CliResult } from './kit.js';

const NAMES = { E1: '陈静𠀀', E2: 'Zoë Café' };
const ROSTER = `ID,Name,Role,Team\nE1,${NAMES.E1},engineer,一组\nE2,${NAMES.E2},engineer,二组\n`;
const SERVICES = `${HEADER}E1,2026-11-01,5,x\nE2,2026-11-02,6,y\n`;
const BOMS = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] };
const encode = (text: string, encoding: string, bom: number[] = []) => Buffer.concat([Buffer.from(bom), iconv.encode(text, encoding)]);

/** A roster whose one person's name starts `before` bytes ahead of the 64 KiB boundary
 *  (after the header and blank lines, which are skipped), so its first character is split. */
function straddling(encoding: string, name: string, bom: number[] = [], before = 1): Buffer {
  const header = encode('ID,Name,Role,Team\n', encoding, bom);
  const prefix = encode('E1,', encoding);
  const unit = encode('\n', encoding).length;
  const room = 65_536 - before - header.length - prefix.length;
  const blank = Math.floor(room / unit) - 1;
  const filler = encode(' '.repeat((room - blank * unit) / unit), encoding);
  return Buffer.concat([header, encode('\n'.repeat(blank), encoding), filler, prefix, encode(`${name},engineer,一组\n`, encoding)]);
}

const roster = (bytes: Buffer, ...extra: string[]) => ({
  args: ['score', 'services.csv', 'roster.csv', '--format', 'json', '-q', ...extra],
  cwd: workspace({ 'services.csv': SERVICES, 'roster.csv': bytes }),
});
/** --encoding applies to every CSV of the run: both files in it. */
const both = (text: string, encoding: string, name: string) => ({
  args: ['score', 'services.csv', 'roster.csv', '--format', 'json', '-q', '--encoding', name],
  cwd: workspace({ 'services.csv': encode(SERVICES, encoding), 'roster.csv': encode(text, encoding) }),
});

const cases = {
  utf8: roster(encode(ROSTER, 'utf8')),
  utf8Bom: roster(encode(ROSTER, 'utf8', BOMS.utf8)),
  utf16le: roster(encode(ROSTER, 'utf16le', BOMS.utf16le)),
  utf16be: roster(encode(ROSTER, 'utf16be', BOMS.utf16be)),
  gb18030: roster(encode(ROSTER, 'gb18030')),
  gbk: roster(encode(ROSTER.replace('𠀀', '').replace('ë', 'e').replace('é', 'e'), 'gbk')),
  utf16leNoBomNamed: both(ROSTER, 'utf16le', 'utf-16le'),
  big5Named: both(ROSTER.replace('陈静𠀀', '陳靜').replace('Zoë Café', 'Zoe').replace(/[一二]组/g, '組'), 'big5', 'big5'),
  win1252Named: both(ROSTER.replace('陈静𠀀', 'Søren').replace(/[一二]组/g, 'T'), 'win1252', 'windows-1252'),
  splitUtf8: roster(straddling('utf8', '市场部')),
  splitGb18030: roster(straddling('gb18030', '市场部')),
  splitUtf16: roster(straddling('utf16le', '𠀀市场部', BOMS.utf16le, 2)),
  utf16leNoBom: roster(encode(ROSTER, 'utf16le')),
  unknownEncoding: roster(encode(ROSTER, 'utf8'), '--encoding', 'klingon'),
};
let runs: Record<keyof typeof cases, CliResult>;

beforeAll(() => {
  const names = Object.keys(cases) as (keyof typeof cases)[];
  const results = runMany(names.map((n) => cases[n]));
  runs = Object.fromEntries(names.map((n, i) => [n, results[i]])) as typeof runs;
});

const names = (run: CliResult) => Object.fromEntries(scored(run).employees.map((e) => [e.id, `${e.name}/${e.team}`]));

describe('detected encodings (case 23)', () => {
  it.each(['utf8', 'utf8Bom', 'utf16le', 'utf16be', 'gb18030'] as const)('%s: every name read exactly, 4-byte 𠀀 included', (name) => {
    expect(names(runs[name])).toEqual({ E1: `${NAMES.E1}/一组`, E2: `${NAMES.E2}/二组` });
  });

  it('a GBK file (Chinese Excel) is read as GB18030, its superset', () => {
    expect(names(runs.gbk)).toEqual({ E1: '陈静/一组', E2: 'Zoe Cafe/二组' });
  });
});

describe('encodings named with --encoding (cases 23, 26)', () => {
  it('UTF-16LE without a BOM', () => {
    expect(names(runs.utf16leNoBomNamed)).toEqual({ E1: `${NAMES.E1}/一组`, E2: `${NAMES.E2}/二组` });
  });

  it('Big5', () => {
    expect(names(runs.big5Named)).toEqual({ E1: '陳靜/組', E2: 'Zoe/組' });
  });

  it('Windows-1252', () => {
    expect(names(runs.win1252Named)).toEqual({ E1: 'Søren/T', E2: `${NAMES.E2}/T` });
  });

  it('an unknown encoding is a usage error naming the ones to use', () => {
    expectError(runs.unknownEncoding, 1, 'kpi: error: unknown encoding "klingon"', 'use utf-8, gbk, gb18030, utf-16le or utf-16be');
  });

  it('UTF-16 without a BOM and without --encoding is recognised by its NUL bytes and read as such', () => {
    expect(names(runs.utf16leNoBom)).toEqual({ E1: `${NAMES.E1}/一组`, E2: `${NAMES.E2}/二组` });
  });
});

describe('characters split between 64 KiB chunks (case 25)', () => {
  it.each(['splitUtf8', 'splitGb18030'] as const)('%s', (name) => {
    expect(names(runs[name]).E1).toBe('市场部/一组');
  });

  it('splitUtf16 (a surrogate pair on the boundary)', () => {
    expect(names(runs.splitUtf16).E1).toBe('𠀀市场部/一组');
  });
});
