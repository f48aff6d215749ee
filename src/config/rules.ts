/**
 * Cross-field rules of the config (SPEC §2, §3, §5.2, §7) and the translation of the raw
 * YAML shape into the engine's Scheme: ids, references with suggestions, field types,
 * typed condition values and formula cycles. The scoring half lives in rules-scoring.ts.
 * Every problem is collected with its key path; nothing stops at the first one.
 */
import { findCycle, parseExpression, referencedNames, usedFunctions, ExpressionError } from '../core/expression.js';
import type { Field, FieldType, Metric, RowFilter, Scheme, Source } from '../core/types.js';
import type { RawCondition, RawConfig } from './schema.js';
import { buildCalendar, buildDerived } from './rules-derive.js';
import { buildEffective } from './rules-effective.js';
import { buildScoring } from './rules-scoring.js';
import { checkSqlSource } from './rules-sql.js';
import { typedCondition, type RuleContext } from './rules-context.js';
import { didYouMean } from './suggest.js';
import type { TextLike } from '../messages/text.js';
import { configText } from '../messages/config.js';
import type { Text } from '../messages/text.js';

const ID = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMERIC_AGGS = new Set(['sum', 'avg', 'min', 'max', 'median', 'percentile']);

export interface PlacedProblem {
  path: PropertyKey[];
  message: TextLike;
  hint?: TextLike;
  atKey?: boolean;
}

function checkId(ctx: RuleContext, kind: Text, id: string, path: PropertyKey[]): void {
  if (!ID.test(id)) {
    ctx.problem(path, configText.badId({ kind, id }), undefined, true);
  }
}

function buildSources(raw: RawConfig, ctx: RuleContext): Source[] {
  return Object.entries(raw.sources).map(([id, s]) => {
    const path = ['sources', id];
    checkId(ctx, configText.kindSource(), id, path);
    const fields = Object.entries(s.columns).map(([field, headers]): Field => {
      checkId(ctx, configText.kindField(), field, [...path, 'columns', field]);
      const declared = s.types?.[field];
      const fixed: FieldType | undefined = field === 'employee' ? 'text' : field === 'date' ? 'date' : undefined;
      if (fixed && declared && declared !== fixed) {
        ctx.problem([...path, 'types', field], configText.fixedType({ field, type: fixed }));
      }
      const list = typeof headers === 'string' ? [headers] : headers;
      // A duration (SPEC §4.6) is a number field in its unit; only reading it differs.
      if (!fixed && (declared === 'seconds' || declared === 'minutes' || declared === 'hours')) return { id: field, type: 'number' as const, headers: list, duration: declared };
      return { id: field, type: fixed ?? (declared as FieldType | undefined) ?? 'text', headers: list };
    });
    if (!s.columns.employee) {
      ctx.problem([...path, 'columns'], configText.needsEmployee({ id }), configText.needsEmployeeHint());
    }
    for (const field of Object.keys(s.types ?? {})) {
      if (!s.columns[field]) {
        ctx.problem([...path, 'types', field], configText.typeWithoutColumn({ field }), didYouMean(field, Object.keys(s.columns)) || configText.addUnderColumns(), true);
      }
    }
    fields.push(...buildDerived(ctx, id, fields, s.derive));
    const source: Source = {
      id, sheet: s.sheet, file: s.file, fields, dated: 'date' in s.columns,
      trueValues: (s.true_values ?? []).map(String), falseValues: (s.false_values ?? []).map(String),
      dateFormat: s.date_format, durationFormat: s.duration_format, ...(s.sql ? { sql: s.sql } : {}),
    };
    checkSqlSource(ctx, source, s);
    return source;
  });
}

function buildFilter(ctx: RuleContext, source: Source, filter: Record<string, RawCondition> | undefined, path: PropertyKey[]): RowFilter | undefined {
  if (!filter) return undefined;
  const result: RowFilter = {};
  for (const [field, condition] of Object.entries(filter)) {
    const f = source.fields.find((x) => x.id === field);
    if (!f) {
      const hint = didYouMean(field, source.fields.map((x) => x.id)) || configText.fieldsOf({ source: source.id, list: source.fields.map((x) => x.id).join(', ') });
      ctx.problem([...path, field], configText.notAField({ field, source: source.id }), hint, true);
      continue;
    }
    const typed = typedCondition(ctx, condition, f.type, [...path, field], source, f.duration);
    if (typed) result[field] = typed;
  }
  return result;
}

function buildMetrics(raw: RawConfig, ctx: RuleContext, sources: Source[]): Metric[] {
  const metricIds = Object.keys(raw.metrics);
  const metrics: Metric[] = [];
  const graph = new Map<string, string[]>();
  for (const [id, m] of Object.entries(raw.metrics)) {
    const path = ['metrics', id];
    checkId(ctx, configText.kindMetric(), id, path);
    if ('formula' in m) {
      try {
        const formula = parseExpression(m.formula);
        const allowed = new Set(['min', 'max', 'abs']);
        const bad = usedFunctions(formula).find((fn) => !allowed.has(fn));
        if (bad) ctx.problem([...path, 'formula'], configText.functionNotAllowed({ name: bad }), configText.functionsAllowed());
        const refs = referencedNames(formula);
        for (const ref of refs) {
          if (!raw.metrics[ref] && !ctx.cut(`metrics.${ref}`)) {
            ctx.problem([...path, 'formula'], configText.notAMetric({ ref }), didYouMean(ref, metricIds) || undefined);
          }
        }
        graph.set(id, refs);
        metrics.push({ id, kind: 'formula', formula, text: m.formula, ...(m.label ? { label: m.label } : {}), ...(m.project === false ? { project: false as const } : {}) });
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        ctx.problem([...path, 'formula'], configText.formulaError({ formula: m.formula, message: error.message }));
      }
      continue;
    }
    const source = sources.find((s) => s.id === m.source);
    if (!source) {
      if (!ctx.cut(`sources.${m.source}`)) ctx.problem([...path, 'source'], configText.sourceNotDefined({ id: m.source }), didYouMean(m.source, sources.map((s) => s.id)) || configText.sources({ list: sources.map((s) => s.id).join(', ') }));
      continue;
    }
    const field = m.field ? source.fields.find((f) => f.id === m.field) : undefined;
    if (m.field && !field) {
      ctx.problem([...path, 'field'], configText.notAField({ field: m.field, source: source.id }), didYouMean(m.field, source.fields.map((f) => f.id)) || configText.fields({ list: source.fields.map((f) => f.id).join(', ') }));
    }
    if (!m.field && m.agg !== 'count' && m.agg !== 'ratio') {
      ctx.problem(path, configText.aggNeedsField({ agg: m.agg }), configText.aggNeedsFieldHint());
    }
    if (field && NUMERIC_AGGS.has(m.agg) && field.type === 'text') {
      ctx.problem([...path, 'field'], configText.aggNeedsNumber({ agg: m.agg, field: field.id }), configText.setNumberType({ field: field.id, source: source.id }));
    }
    if (m.agg === 'percentile' && (m.p === undefined || m.p < 0 || m.p > 100)) {
      ctx.problem(path, configText.percentileP(), configText.percentileHint());
    }
    if (m.agg === 'ratio' && !m.hit) ctx.problem(path, configText.ratioNeedsHit());
    if (m.agg !== 'ratio' && m.hit) ctx.problem([...path, 'hit'], configText.hitOnlyRatio(), undefined, true);
    metrics.push({
      id, kind: 'agg', source: source.id, agg: m.agg, field: field?.id, p: m.p,
      where: buildFilter(ctx, source, m.where, [...path, 'where']),
      hit: buildFilter(ctx, source, m.hit, [...path, 'hit']),
      ...(m.label ? { label: m.label } : {}),
      ...(m.project === false ? { project: false as const } : {}),
    });
  }
  const cycle = findCycle(graph);
  if (cycle) ctx.problem(['metrics', cycle[0], 'formula'], configText.formulaCycle({ cycle: cycle.join(' → ') }));
  return metrics;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** SPEC §4.6: without `locale:`, Chinese when the title or any label has a CJK character. */
function inferLocale(raw: RawConfig): 'zh-CN' | 'en' {
  const labels: Array<string | undefined> = [raw.title];
  for (const m of Object.values(raw.metrics)) labels.push(m.label);
  for (const d of Object.values(raw.dimensions)) labels.push(d.label, ...d.indicators.map((i) => i.label));
  for (const r of Object.values(raw.roles)) labels.push(r.label);
  for (const a of [...(raw.adjustments ?? []), ...(raw.veto ?? [])]) labels.push(a.label);
  return labels.some((label) => label !== undefined && CJK.test(label)) ? 'zh-CN' : 'en';
}

/** The scheme of a config whose shape is right; `cut`: entries removed for shape problems
 *  already reported (see ./cut.ts), whose absence is not reported again. */
export function buildScheme(raw: RawConfig, cut: ReadonlySet<string> = new Set()): { scheme: Scheme; problems: PlacedProblem[]; warnings: TextLike[] } {
  const problems: PlacedProblem[] = [];
  const warnings: TextLike[] = [];
  const ctx: RuleContext = {
    problem: (path, message, hint, atKey) => problems.push({ path, message, hint: hint || undefined, atKey }),
    warn: (message) => warnings.push(message),
    cut: (key) => (key.endsWith('.') ? [...cut].some((k) => k.startsWith(key)) : cut.has(key)),
  };
  const sources = buildSources(raw, ctx);
  const metrics = buildMetrics(raw, ctx, sources);
  const scoring = buildScoring(raw, ctx, sources);
  const scheme: Scheme = {
    title: raw.title ?? 'KPI',
    effective: buildEffective(ctx, raw.effective, raw.period ?? 'month'),
    missing: raw.missing ?? 'exclude',
    locale: raw.locale ?? inferLocale(raw),
    period: raw.period ?? 'month',
    sources,
    metrics,
    ...scoring,
    calendar: buildCalendar(ctx, raw.calendar),
  };
  return { scheme, problems, warnings };
}
