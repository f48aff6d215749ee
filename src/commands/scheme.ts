/**
 * `kpi scheme` (SPEC §12): the scheme in force — for `-p PERIOD`, else the latest version —
 * as the document HR publishes before the period (text, Markdown, JSON, or a printable
 * workbook with one sheet per role to sign), and `--diff` for what changed between two
 * versions (two files, or every consecutive pair of the versions `-c` names).
 */
import { extname } from 'node:path';
import { inOrder, latestVersion, loadVersions, periodArg, versionFor, type SchemeVersion } from '../config/versions.js';
import { EXIT, KpiError } from '../errors.js';
import { schemeText } from '../messages/schemes.js';
import { terminalLang } from '../messages/lang.js';
import { say } from '../messages/text.js';
import { checkNotAnInput, writeOutputs } from '../output.js';
import { buildSchemeDocument, type SchemeDocument } from '../render/scheme/document.js';
import { diffSchemes, type SchemeDiff } from '../render/scheme/diff.js';
import { renderDiffMarkdown, renderDiffText } from '../render/scheme/diff-render.js';
import { renderSchemeMarkdown } from '../render/scheme/markdown.js';
import { renderSchemeText } from '../render/scheme/text.js';
import type { Io } from './io.js';

export interface SchemeOptions {
  config: string | string[];
  period?: string;
  role?: string;
  format?: string;
  out: string[];
  diff: boolean;
  quiet: boolean;
}

type Kind = 'text' | 'markdown' | 'json' | 'xlsx';

function outKind(file: string): Kind {
  const kind = ({ '.md': 'markdown', '.markdown': 'markdown', '.json': 'json', '.xlsx': 'xlsx', '.txt': 'text' } as Record<string, Kind>)[extname(file).toLowerCase()];
  if (!kind) throw new KpiError(schemeText.schemeOut({ file }), EXIT.usage, 'e.g. -o scheme.md or -o scheme.xlsx');
  return kind;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function schemeCommand(files: string[], options: SchemeOptions, io: Io): Promise<number> {
  const format = (options.format ?? 'text') as Kind;
  if (!['text', 'markdown', 'json'].includes(format)) throw new KpiError(schemeText.schemeFormat({ format }), EXIT.usage, schemeText.schemeFormatHint());
  const outs = options.out.map((file) => ({ file, kind: outKind(file) }));
  const lang = terminalLang(undefined, process.env);

  if (options.diff) {
    const versions = files.length > 0 ? loadVersionsEach(files) : inOrder(loadVersions(options.config));
    if (versions.length < 2 || (files.length > 0 && files.length !== 2)) throw new KpiError(schemeText.diffNeedsTwo(), EXIT.usage, schemeText.diffHint());
    const diffs: SchemeDiff[] = versions.slice(1).map((v, i) => diffSchemes(versions[i], v));
    const locale = versions[versions.length - 1].scheme.locale;
    const render = (kind: Kind) => (kind === 'json' ? json(diffs.length === 1 ? diffs[0] : { diffs }) : kind === 'markdown' ? renderDiffMarkdown(diffs, locale) : renderDiffText(diffs, locale));
    if (outs.some((o) => o.kind === 'xlsx')) throw new KpiError(schemeText.schemeOut({ file: outs.find((o) => o.kind === 'xlsx')!.file }), EXIT.usage, 'the diff is written as .md or .json');
    checkNotAnInput(outs.map((o) => o.file), versions.map((v) => v.file));
    await writeOutputs(outs.map((o) => ({ file: o.file, render: () => render(o.kind) })));
    if (outs.length === 0) io.out(render(format));
    else if (!options.quiet) for (const o of outs) io.err(`${say(schemeText.wrote({ file: o.file }), lang)}\n`);
    return EXIT.ok;
  }

  const versions = loadVersions(files.length > 0 ? files : options.config);
  const version = options.period !== undefined ? versionFor(versions, periodArg(options.period)) : latestVersion(versions);
  const { scheme } = version;
  if (options.role !== undefined && !scheme.roles.some((r) => r.id === options.role || r.label === options.role)) {
    throw new KpiError(schemeText.unknownRole({ role: options.role, roles: scheme.roles.map((r) => r.id).join(', ') }), EXIT.usage);
  }
  const doc = buildSchemeDocument(version, options.role);
  checkNotAnInput(outs.map((o) => o.file), versions.map((v) => v.file));
  await writeOutputs(outs.map((o) => ({ file: o.file, render: () => renderDocument(doc, o.kind) })));
  if (outs.length === 0) io.out(await renderDocument(doc, format) as string);
  else if (!options.quiet) for (const o of outs) io.err(`${say(schemeText.wrote({ file: o.file }), lang)}\n`);
  return EXIT.ok;
}

/** Two files given to --diff are two versions, whatever their ranges (they may overlap). */
function loadVersionsEach(files: string[]): SchemeVersion[] {
  return files.map((file) => loadVersions([file])[0]);
}

async function renderDocument(doc: SchemeDocument, kind: Kind): Promise<string | Uint8Array> {
  if (kind === 'json') return json(doc);
  if (kind === 'markdown') return renderSchemeMarkdown(doc);
  if (kind === 'xlsx') {
    const { renderSchemeWorkbook } = await import('../render/scheme/xlsx.js');
    return renderSchemeWorkbook(doc);
  }
  return renderSchemeText(doc);
}
