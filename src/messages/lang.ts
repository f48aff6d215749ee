/**
 * Which language the terminal speaks (SPEC §15), as git decides: `--lang`, else KPI_LANG,
 * else the first of LC_ALL, LC_MESSAGES, LANG that is set; a value beginning with `zh` is
 * Chinese, anything else English. Reports do not ask this: they follow the config's locale.
 */
import type { Lang } from './text.js';

export function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^zh/i.test(value.trim()) ? 'zh-CN' : 'en';
}

export function terminalLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const chosen = flag ?? env.KPI_LANG ?? firstSet(env.LC_ALL, env.LC_MESSAGES, env.LANG);
  return parseLang(chosen) ?? 'en';
}

function firstSet(...values: Array<string | undefined>): string | undefined {
  return values.find((value) => value !== undefined && value !== '');
}
