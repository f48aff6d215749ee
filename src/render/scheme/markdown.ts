/**
 * The published scheme as Markdown (`kpi scheme -o scheme.md`), for a wiki page or a mail:
 * a header with the range and the file's hash, one section per role with a table per
 * dimension, then the rules that hold for everyone and the employee's acknowledgement.
 */
import type { SchemeDocument } from './document.js';
import { sw, type SchemeWord } from './words.js';

const cell = (text: string | number) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const pct = (n: number) => `${Number(n.toFixed(2))}%`;

function table(head: string[], rows: (string | number)[][]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function renderSchemeMarkdown(doc: SchemeDocument): string {
  const w = (key: SchemeWord) => sw(key, doc.locale);
  const zh = doc.locale === 'zh-CN';
  const colon = zh ? '：' : ': ';
  const out: string[] = [`# ${doc.title}`, '', `## ${w('docTitle')}`, ''];
  out.push(`- ${w('inForce')}${colon}${doc.inForce}`);
  out.push(`- ${w('cycle')}${colon}${doc.period}`);
  out.push(`- ${w('schemeFile')}${colon}\`${doc.file}\`${zh ? '（' : ' ('}sha256 \`${doc.sha256.slice(0, 12)}\`${zh ? '）' : ')'}`);
  out.push('', w('basis'), '');
  for (const role of doc.roles) {
    out.push(`## ${w('role')}${colon}${role.label}`, '');
    out.push(`${w('dimensionsAndWeights')}${colon}${role.dimensions.map((d) => `${d.label} ${pct(d.weight)}`).join(' · ')}`, '');
    for (const d of role.dimensions) {
      out.push(`### ${d.label}${zh ? `（${pct(d.weight)}）` : ` (${pct(d.weight)})`}`, '');
      out.push(...table(
        [w('indicator'), w('weight'), w('ofTotal'), w('source'), w('standard')],
        d.indicators.map((i) => [i.label, pct(i.weight), pct(i.ofTotal), i.source, i.standard]),
      ), '');
    }
  }
  if (doc.adjustments.length > 0) {
    out.push(`## ${w('adjustments')}`, '', ...table([w('item'), w('source'), w('rule')], doc.adjustments.map((a) => [a.label, a.source, a.rule])), '');
  }
  if (doc.vetoes.length > 0) {
    out.push(`## ${w('vetoes')}`, '', ...table([w('item'), w('source'), w('condition'), w('effect')], doc.vetoes.map((v) => [v.label, v.source, v.condition, v.effect])), '');
  }
  out.push(`## ${w('grades')}`, '', ...table([w('grade'), w('gradeRule'), w('share')], doc.grades.map((g) => [g.grade, g.rule, g.share])), '');
  out.push(`## ${w('missing')}`, '', `${w('whenMissing')}${doc.missing.text}${zh ? '。' : '.'}`);
  if (doc.missing.exceptions.length > 0) {
    out.push('', `${w('otherwise')}${colon.trim()}`, '', ...doc.missing.exceptions.map((e) => `- ${e.label}${colon}${e.text}`));
  }
  out.push('', `## ${w('total')}`, '', doc.total, '');
  out.push('---', '', `**${w('acknowledgement')}**${colon}${w('acknowledgementText')}`, '');
  const blank = zh ? '＿＿＿＿＿＿＿＿' : '________________';
  out.push(`${w('signature')}${colon}${blank}${zh ? '　　' : '    '}${w('date')}${colon}${blank}`, '');
  return out.join('\n');
}
