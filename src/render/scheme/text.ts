/**
 * The published scheme on a terminal (`kpi scheme`): the same content as the Markdown, laid
 * out as indented lines instead of tables, because long Chinese sentences do not fit in
 * terminal columns.
 */
import type { SchemeDocument } from './document.js';
import { sw, type SchemeWord } from './words.js';

const pct = (n: number) => `${Number(n.toFixed(2))}%`;

export function renderSchemeText(doc: SchemeDocument): string {
  const w = (key: SchemeWord) => sw(key, doc.locale);
  const zh = doc.locale === 'zh-CN';
  const colon = zh ? '：' : ': ';
  const out: string[] = [`${doc.title} — ${w('docTitle')}`];
  out.push(`${w('inForce')}${colon}${doc.inForce}    ${w('cycle')}${colon}${doc.period}    ${w('schemeFile')}${colon}${doc.file} (sha256 ${doc.sha256.slice(0, 12)})`);
  out.push(w('basis'));
  for (const role of doc.roles) {
    out.push('', `■ ${w('role')}${colon}${role.label}    ${role.dimensions.map((d) => `${d.label} ${pct(d.weight)}`).join(' · ')}`);
    for (const d of role.dimensions) {
      out.push('', `  ${d.label} ${pct(d.weight)}`);
      for (const i of d.indicators) {
        out.push(`    ${i.label}  ${w('weight')} ${pct(i.weight)}${zh ? `（${w('ofTotal')} ${pct(i.ofTotal)}）` : ` (${pct(i.ofTotal)} of the total)`}`);
        out.push(`      ${w('source')}${colon}${i.source}`);
        out.push(`      ${w('standard')}${colon}${i.standard}`);
      }
    }
  }
  if (doc.adjustments.length > 0) {
    out.push('', `■ ${w('adjustments')}`);
    for (const a of doc.adjustments) out.push(`    ${a.label}${colon}${a.rule}`, `      ${w('source')}${colon}${a.source}`);
  }
  if (doc.vetoes.length > 0) {
    out.push('', `■ ${w('vetoes')}`);
    for (const v of doc.vetoes) out.push(`    ${v.label}${colon}${v.condition} → ${v.effect}`, `      ${w('source')}${colon}${v.source}`);
  }
  out.push('', `■ ${w('grades')}`);
  for (const g of doc.grades) out.push(`    ${g.grade}${colon}${g.rule}${zh ? '；' : '; '}${g.share}`);
  out.push('', `■ ${w('missing')}`, `    ${w('whenMissing')}${doc.missing.text}`);
  for (const e of doc.missing.exceptions) out.push(`    ${e.label}${colon}${e.text}`);
  out.push('', `■ ${w('total')}`, `    ${doc.total}`);
  return `${out.join('\n')}\n`;
}
