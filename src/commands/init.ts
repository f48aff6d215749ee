/**
 * `kpi init [dir]`: write a sample kpi.yaml (the article's scheme) and a ledger.xlsx with
 * one month of every ledger it reads, in Chinese or English, that score at once — so a
 * new user sees roles, vetoes, forced distribution and rejected rows working before they
 * write their own scheme. Never overwrites either file without --force.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, KpiError } from '../errors.js';
import { writeFileAtomic } from '../output.js';
import type { Locale } from '../render/labels.js';
import { buildSampleLedger } from './init/ledger-workbook.js';
import { schemaModeline } from './init/schema-modeline.js';
import { SCHEME_EN } from './init/scheme-en.js';
import { SCHEME_ZH } from './init/scheme-zh.js';
import { SAMPLE_PERIOD } from './init/sheet-spec.js';
import type { Io } from './io.js';

export interface InitOptions {
  locale: Locale;
  force: boolean;
}

/**
 * Rows of the sample that are wrong on purpose (a 满意度 of `abc`, a row without 工号), so
 * the first run shows what the Issues report is for; test/commands/init.test.ts checks the count.
 */
const DELIBERATE_BAD_ROWS = 2;

const SCHEME_TEXT: Record<Locale, string> = { 'zh-CN': SCHEME_ZH, en: SCHEME_EN };

const SCHEME_SUMMARY: Record<Locale, string> = {
  'zh-CN': '客户服务 50 · 市场调研 35 · 销售支持 15；客服经理另有服务管理',
  en: 'customer service 50 · market research 35 · sales support 15; managers also service management',
};

export async function initCommand(dir: string, options: InitOptions, io: Io): Promise<number> {
  const locale = options.locale;
  if (locale !== 'zh-CN' && locale !== 'en') {
    throw new KpiError(`--locale ${String(locale)} is not a language kpi init writes`, EXIT.usage, 'use --locale zh-CN or --locale en');
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new KpiError(`${dir} is a file, not a folder`, EXIT.usage, 'give kpi init a folder to write kpi.yaml and ledger.xlsx into');
  }
  const schemeFile = join(dir, 'kpi.yaml');
  const ledgerFile = join(dir, 'ledger.xlsx');
  const existing = [schemeFile, ledgerFile].filter((file) => existsSync(file));
  if (existing.length > 0 && !options.force) {
    const [what, it] = existing.length === 1 ? [`${existing[0]} already exists`, 'it'] : [`${existing.join(' and ')} already exist`, 'them'];
    throw new KpiError(`${what}; use --force to overwrite ${it}`, EXIT.usage, 'or run kpi init in another folder: kpi init <dir>');
  }

  // Build the workbook before writing anything, so a failure leaves the folder as it was.
  const ledger = await buildSampleLedger(locale);
  // The first line points editors at the JSON Schema: completion and checks as one types.
  const modeline = schemaModeline(dir);
  writeFileAtomic(schemeFile, modeline ? `${modeline}\n${SCHEME_TEXT[locale]}` : SCHEME_TEXT[locale]);
  writeFileAtomic(ledgerFile, ledger.bytes);

  const verb = existing.length > 0 ? 'overwrote' : 'wrote';
  io.err(`kpi: ${verb} ${schemeFile}: the article's scheme (${SCHEME_SUMMARY[locale]})\n`);
  io.err(`kpi: ${verb} ${ledgerFile}: ${ledger.people} people and ${ledger.ledgers} ledgers for ${SAMPLE_PERIOD} (${ledger.ledgerRows} rows; ${DELIBERATE_BAD_ROWS} are wrong on purpose, to show the Issues report)\n`);
  io.err(`  sheets: ${ledger.sheets.join(', ')}\n`);
  io.err(`next: ${nextCommand(dir)}\n`);
  return EXIT.ok;
}

/** The command to run next, from the folder the user is in. */
function nextCommand(dir: string): string {
  if (resolve(dir) === resolve('.')) return 'kpi score ledger.xlsx';
  const quoted = /[\s'"$`\\]/.test(dir) ? `'${dir.replace(/'/g, `'\\''`)}'` : dir;
  return `cd ${quoted} && kpi score ledger.xlsx`;
}
