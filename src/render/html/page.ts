/**
 * The frame of kpi's HTML pages: one self-contained file — its styles inline, its charts
 * inline SVG, no script, no font or image to fetch, no URL at all — that opens offline or
 * from a mail and prints on A4 (print styles: page size and margins, table heads repeated,
 * rows and charts never cut in two). Text goes through `esc`; nothing from a ledger is
 * ever markup.
 */
import type { Locale } from '../labels.js';
import { FONT_STACK } from './charts.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string | number | null | undefined): string {
  return text === null || text === undefined ? '' : String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const CSS = `
*{box-sizing:border-box}
body{-webkit-print-color-adjust:exact;print-color-adjust:exact;font-family:${FONT_STACK};color:#222;margin:0 auto;max-width:1100px;padding:16px 20px;font-size:14px;line-height:1.45}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #4472c4;padding-bottom:3px}
h3{font-size:15px;margin:18px 0 6px}
.meta{color:#555;margin:0 0 12px}.note{color:#666;font-size:12px;margin:4px 0 8px}
.charts{display:flex;flex-wrap:wrap;gap:12px}
figure{margin:0;border:1px solid #e3e3e3;border-radius:4px;padding:6px;break-inside:avoid;page-break-inside:avoid;max-width:100%}
figure svg{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:12.5px;margin:4px 0 10px}
th,td{border:1px solid #d0d0d0;padding:3px 6px;text-align:left;vertical-align:middle}
th{background:#d9e1f2;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.na{color:#888;text-align:center}
.tight td,.tight th{white-space:nowrap}.tight td.warn{white-space:normal;min-width:8em}
tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
.grade{display:inline-block;padding:0 6px;border-radius:3px;white-space:nowrap}
.up{color:#2e7d32}.down{color:#c62828}.warn{color:#c00000}
.bar{position:relative;display:inline-block;width:90px;height:10px;background:#f0f0f0;vertical-align:middle;margin-right:6px}
.bar>i{position:absolute;left:0;top:0;bottom:0;background:#4472c4}
.bar>b{position:absolute;top:-2px;bottom:-2px;width:2px;background:#222}
.spark{display:inline-flex;align-items:flex-end;gap:1px;height:24px;vertical-align:middle}
.spark>i{display:inline-block;width:6px;background:#4472c4}
.spark>i.none{background:transparent;border-bottom:1px dashed #bbb}
nav a{margin-right:12px}
a{color:#2f5597}
@page{size:A4;margin:12mm}
@media print{body{max-width:none;padding:0;font-size:10pt}table{font-size:8.5pt}h2{break-after:avoid;page-break-after:avoid}nav{display:none}
.charts{display:block}figure{border:none;margin-bottom:8px}
.tight{font-size:7.5pt}.tight th{white-space:normal}th,td{padding:2px 3px}.bar{width:56px}}
`;

export function htmlPage(page: { locale: Locale; title: string; body: string }): string {
  const lang = page.locale === 'zh-CN' ? 'zh-CN' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)}</title>
<style>${CSS}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}

/** A table: head cells (`n` marks a numeric column), then rows of already escaped cells. */
export function table(head: { label: string; numeric?: boolean }[], rows: string[][], className?: string): string {
  const th = head.map((h) => `<th${h.numeric ? ' class="n"' : ''}>${esc(h.label)}</th>`).join('');
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('\n')}\n</tbody></table>`;
}

export function figure(svg: string, label: string): string {
  return `<figure role="img" aria-label="${esc(label)}">${svg}</figure>`;
}

/** A number cell: two decimals, or N/A (muted) when there is none. */
export function scoreCell(value: number | null, na: string): string {
  return value === null ? `<td class="na">${esc(na)}</td>` : `<td class="n">${value.toFixed(2)}</td>`;
}
