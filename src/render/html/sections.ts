/**
 * The tables of the HTML report: the ranking (the neutral ranking table every renderer
 * shares, so --compare's columns appear here too), the largest changes since the compared
 * period, the behind-pace list of a period in progress, and the dimension profiles — one
 * compact table per team, a small bar per dimension with a tick at the role's average.
 */
import type { ReportEmployee, ScoreReport } from '../../core/report.js';
import type { Scheme } from '../../core/types.js';
import { pictureText } from '../../messages/pictures.js';
import { say, type Text } from '../../messages/text.js';
import { teamRows } from '../averages.js';
import { word, wordWith, type Locale } from '../labels.js';
import { buildRankingTable, usedDimensions, type Column } from '../ranking-table.js';
import { gradeColor } from '../xlsx/style.js';
import { esc, scoreCell, table } from './page.js';

/** One indicator behind pace (SPEC §11), as the report of a period in progress gives it. */
export interface BehindPace {
  id: string;
  name: string | null;
  indicator: string;
  toDate: number;
  expectedToDate: number;
  target: number | null;
}

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toFixed(2)}`;

function gradeBadge(grade: string | null, scheme: Scheme): string {
  if (grade === null) return '';
  const index = scheme.grades.findIndex((g) => g.grade === grade);
  const color = index >= 0 ? `#${gradeColor(index, scheme.grades.length).slice(2)}` : '#eee';
  return `<span class="grade" style="background:${color}">${esc(grade)}</span>`;
}

function cell(column: Column, value: string | number | null, excluded: boolean, error: boolean, scheme: Scheme, locale: Locale): string {
  if (value === null) {
    const text = excluded ? word('notApplicable', locale) : column.key === 'final' && error ? word('notScored', locale) : '';
    return `<td class="na">${esc(text)}</td>`;
  }
  if (typeof value === 'string') return column.kind === 'grade' ? `<td>${gradeBadge(value, scheme)}</td>` : `<td>${esc(value)}</td>`;
  switch (column.kind) {
    case 'score':
      return `<td class="n">${column.key === 'final' ? `<b>${value.toFixed(2)}</b>` : value.toFixed(2)}</td>`;
    case 'signed':
      return `<td class="n${value > 0 ? ' up' : value < 0 ? ' down' : ''}">${signed(value)}</td>`;
    case 'rankChange':
      return `<td class="n${value > 0 ? ' up' : value < 0 ? ' down' : ''}">${value > 0 ? `▲${value}` : value < 0 ? `▼${-value}` : '0'}</td>`;
    default:
      return `<td class="n">${esc(value)}</td>`;
  }
}

export function rankingSection(report: ScoreReport, scheme: Scheme, locale: Locale): string {
  const ranking = buildRankingTable(report, scheme, locale);
  const numeric = new Set(['integer', 'score', 'signed', 'rankChange']);
  const head = ranking.columns.map((c) => ({ label: c.label, numeric: numeric.has(c.kind) }));
  const rows = ranking.rows.map((row, r) => {
    const cells = ranking.columns.map((c, i) => cell(c, row.cells[i], row.excluded[i], row.error !== null, scheme, locale));
    const e = report.employees[r];
    const note = e.error !== null ? wordWith('notScoredBecause', locale, { n: e.error }) : e.vetoes.map((v) => `${word('vetoes', locale)}: ${v.label}`).join('; ');
    cells.push(`<td class="warn">${esc(note)}</td>`);
    return cells;
  });
  return `<section id="ranking"><h2>${esc(say(pictureText.ranking(), locale))}</h2>${table([...head, { label: word('note', locale) }], rows, 'tight')}</section>`;
}

export function changesSection(report: ScoreReport, locale: Locale, compared: string): string {
  const t = (text: Text) => say(text, locale);
  const both = report.employees.filter((e) => e.previous && e.final !== null);
  const fresh = report.employees.filter((e) => e.previous === null && e.final !== null).length;
  const change = (e: ReportEmployee) => e.final! - e.previous!.final;
  const byChange = [...both].sort((a, b) => change(b) - change(a) || (a.id < b.id ? -1 : 1));
  const head = [word('rank', locale), word('id', locale), word('name', locale), word('team', locale), word('previousFinal', locale), word('final', locale), word('change', locale), word('rankChange', locale)]
    .map((label, i) => ({ label, numeric: i === 0 || i >= 4 }));
  const rows = (people: ReportEmployee[]) => people.map((e) => {
    const moved = e.previous!.rank - e.rank!;
    return [`<td class="n">${e.rank}</td>`, `<td>${esc(e.id)}</td>`, `<td>${esc(e.name)}</td>`, `<td>${esc(e.team)}</td>`,
      `<td class="n">${e.previous!.final.toFixed(2)}</td>`, `<td class="n">${e.final!.toFixed(2)}</td>`,
      `<td class="n ${change(e) >= 0 ? 'up' : 'down'}">${signed(change(e))}</td>`,
      `<td class="n${moved > 0 ? ' up' : moved < 0 ? ' down' : ''}">${moved > 0 ? `▲${moved}` : moved < 0 ? `▼${-moved}` : '0'}</td>`];
  });
  const risers = byChange.filter((e) => change(e) > 0).slice(0, 10);
  const fallers = byChange.filter((e) => change(e) < 0).reverse().slice(0, 10);
  const parts = [`<section id="changes"><h2>${esc(t(pictureText.changes({ period: compared })))}</h2>`];
  if (fresh > 0) parts.push(`<p class="note">${esc(t(pictureText.newPeople({ n: fresh })))}</p>`);
  if (both.length === 0) parts.push(`<p>${esc(t(pictureText.noChanges()))}</p>`);
  if (risers.length) parts.push(`<h3>${esc(t(pictureText.risers()))}</h3>`, table(head, rows(risers)));
  if (fallers.length) parts.push(`<h3>${esc(t(pictureText.fallers()))}</h3>`, table(head, rows(fallers)));
  parts.push('</section>');
  return parts.join('\n');
}

export function behindPaceSection(behind: readonly BehindPace[], locale: Locale): string {
  const rows = behind.map((b) => [`<td>${esc(b.id)}</td>`, `<td>${esc(b.name)}</td>`, `<td>${esc(b.indicator)}</td>`,
    `<td class="n">${b.toDate}</td>`, `<td class="n">${b.expectedToDate}</td>`, `<td class="n">${b.target ?? ''}</td>`]);
  return `<section id="behind"><h2>${esc(say(pictureText.behindPace(), locale))}</h2>${table(
    [word('id', locale), word('name', locale), word('indicator', locale), say(pictureText.toDate(), locale), say(pictureText.expectedByNow(), locale), say(pictureText.target(), locale)].map((label, i) => ({ label, numeric: i >= 3 })), rows)}</section>`;
}

/** One table per team; a bar per dimension, the role's average as a tick on it. */
export function profilesSection(report: ScoreReport, scheme: Scheme, locale: Locale, averages: Map<string, Map<string, number | null>>): string {
  const t = (text: Text) => say(text, locale);
  const na = word('notApplicable', locale);
  const dimensions = usedDimensions(scheme);
  const scored = report.employees.filter((e) => e.error === null && e.final !== null);
  const top = Math.max(100, ...scored.flatMap((e) => e.dimensions.map((d) => d.score ?? 0)));
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / top) * 100)).toFixed(1)}%`;
  const head = [{ label: word('rank', locale), numeric: true }, { label: word('name', locale) }, { label: word('role', locale) },
    ...dimensions.map((d) => ({ label: d.label })), { label: word('final', locale), numeric: true }, { label: word('grade', locale) }];
  const roleLabel = (id: string | null) => (id === null ? '' : scheme.roles.find((r) => r.id === id)?.label ?? id);
  const groups = teamRows(report, locale).filter((row) => row.kind !== 'all');
  if (groups.length === 0) groups.push({ label: '', kind: 'all', matches: () => true });
  const sections = groups.map((group) => {
    const members = scored.filter((e) => group.matches(e.team));
    const rows = members.map((e) => [
      `<td class="n">${e.rank}</td>`, `<td>${esc(e.name ?? e.id)} <span class="note">${esc(e.id)}</span></td>`, `<td>${esc(roleLabel(e.role))}</td>`,
      ...dimensions.map((d) => {
        const mine = e.dimensions.find((x) => x.id === d.id);
        if (!mine) return '<td class="na">—</td>';
        if (mine.score === null) return `<td class="na">${esc(na)}</td>`;
        const average = e.role === null ? null : averages.get(e.role)?.get(d.id) ?? null;
        const tick = average === null ? '' : `<b style="left:${pct(average)}" title="${average.toFixed(2)}"></b>`;
        return `<td class="n"><span class="bar"><i style="width:${pct(mine.score)}"></i>${tick}</span>${mine.score.toFixed(2)}</td>`;
      }),
      scoreCell(e.final, na), `<td>${gradeBadge(e.grade, scheme)}</td>`,
    ]);
    return `${group.label ? `<h3>${esc(group.label)}</h3>` : ''}${table(head, rows, 'tight')}`;
  });
  return `<section id="profiles"><h2>${esc(t(pictureText.profiles()))}</h2><p class="note">${esc(t(pictureText.profilesNote()))}</p>\n${sections.join('\n')}</section>`;
}
