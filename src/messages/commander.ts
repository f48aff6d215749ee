/**
 * Commander's own words in Chinese: the titles and notes of `--help`, and the error lines
 * it prints for a wrong command line (unknown option, missing argument, invalid choice…).
 * Commander writes them in English only; src/cli.ts passes what it prints through here
 * when the terminal speaks Chinese. Each pattern is commander 14's exact sentence, so a
 * line it does not know stays as commander wrote it.
 */

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

export function helpTitle(title: string): string {
  return TITLES[title] ?? title;
}

/** The notes commander adds after a description in `--help`. */
export function helpNotesZh(text: string): string {
  return text
    .replace(/ ?\(default: /g, '（默认：')
    .replace(/ ?\(choices: /g, '（可选：')
    .replace(/, default: /g, '，默认：')
    .replace(/(（(?:默认|可选)：[^()\n]*)\)/g, '$1）');
}

const ERRORS: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^error: unknown option '([^']*)'/, (o) => `错误：未知选项「${o}」`],
  [/^error: unknown command '([^']*)'/, (c) => `错误：未知命令「${c}」`],
  [/^error: missing required argument '([^']*)'/, (a) => `错误：缺少必需的参数「${a}」`],
  [/^error: option '([^']*)' argument missing/, (o) => `错误：选项「${o}」缺少取值`],
  [/^error: required option '([^']*)' not specified/, (o) => `错误：必须给出选项「${o}」`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, (o, v, c) => `错误：选项「${o}」的取值「${v}」无效，可选值为 ${c}。`],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (c, e, g) => `错误：${c ? `命令「${c}」的` : ''}参数过多：应为 ${e} 个，实际为 ${g} 个。`],
  [/^\(Did you mean one of (.*)\?\)/, (s) => `（是不是想输入以下之一：${s}？）`],
  [/^\(Did you mean (.*)\?\)/, (s) => `（是不是想输入 ${s}？）`],
];

/** Commander's error output, line by line, in Chinese where it is a sentence we know. */
export function commanderErrorZh(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, say] of ERRORS) {
        const match = pattern.exec(line);
        if (match) return say(...match.slice(1).map((g) => g ?? '')) + line.slice(match[0].length);
      }
      return line;
    })
    .join('\n');
}
