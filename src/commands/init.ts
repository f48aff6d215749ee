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
import { ioLang, type Io } from './io.js';
import { commandText } from '../messages/commands.js';
import { say, type Text } from '../messages/text.js';

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


export async function initCommand(dir: string, options: InitOptions, io: Io): Promise<number> {
  const locale = options.locale;
  if (locale !== 'zh-CN' && locale !== 'en') {
    throw new KpiError(commandText.initLocale({ locale: String(locale) }), EXIT.usage, commandText.initLocaleHint());
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new KpiError(commandText.initNotFolder({ dir }), EXIT.usage, commandText.initNotFolderHint());
  }
  const schemeFile = join(dir, 'kpi.yaml');
  const ledgerFile = join(dir, 'ledger.xlsx');
  const existing = [schemeFile, ledgerFile].filter((file) => existsSync(file));
  if (existing.length > 0 && !options.force) {
    const what = existing.length === 1 ? commandText.initExists({ file: existing[0] }) : commandText.initBothExist({ a: existing[0], b: existing[1] });
    throw new KpiError(what, EXIT.usage, commandText.initExistsHint());
  }

  // Build the workbook before writing anything, so a failure leaves the folder as it was.
  const ledger = await buildSampleLedger(locale);
  // The first line points editors at the JSON Schema: completion and checks as one types.
  const modeline = schemaModeline(dir);
  writeFileAtomic(schemeFile, modeline ? `${modeline}\n${SCHEME_TEXT[locale]}` : SCHEME_TEXT[locale]);
  writeFileAtomic(ledgerFile, ledger.bytes);

  // Said in the terminal's language; the summary of the scheme in the scheme's own.
  const lang = ioLang(io);
  const tr = (text: Text) => `${say(text, lang)}\n`;
  const overwrote = existing.length > 0;
  const summary = say(commandText.initSummary(), locale);
  io.err(tr((overwrote ? commandText.initOverwroteScheme : commandText.initWroteScheme)({ file: schemeFile, summary })));
  io.err(tr(commandText.initWroteLedger({
    verb: overwrote ? commandText.overwrote() : commandText.wrote(), file: ledgerFile, people: ledger.people, ledgers: ledger.ledgers,
    period: SAMPLE_PERIOD, rows: ledger.ledgerRows, bad: DELIBERATE_BAD_ROWS,
  })));
  io.err(tr(commandText.initSheets({ sheets: ledger.sheets.join(', ') })));
  io.err(tr(commandText.initNext({ command: nextCommand(dir) })));
  return EXIT.ok;
}

/** The command to run next, from the folder the user is in. */
function nextCommand(dir: string): string {
  if (resolve(dir) === resolve('.')) return 'kpi score ledger.xlsx';
  const quoted = /[\s'"$`\\]/.test(dir) ? `'${dir.replace(/'/g, `'\\''`)}'` : dir;
  return `cd ${quoted} && kpi score ledger.xlsx`;
}
