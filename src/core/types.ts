import type { TextLike } from '../messages/text.js';
/**
 * The vocabulary of the scoring engine: a validated scheme (what kpi.yaml means once it
 * has been checked) and typed ledger rows. Everything in core/ speaks only these types;
 * raw strings, files and YAML never reach it.
 */

/** A day on the calendar, as days since 1970-01-01 (UTC arithmetic, never a time zone);
 *  the fraction carries the time of day. 2026-11-05 12:00 = 20762.5. */
export type DayNumber = number;

export type FieldType = 'text' | 'number' | 'boolean' | 'date';

/** A typed cell value. `null` is an empty cell ("no value", never 0). Dates are DayNumbers. */
export type CellValue = string | number | boolean | null;

/** A condition on one value (SPEC §3): equality, one-of, or an operator map. */
export type Condition = (
  | { kind: 'eq'; value: CellValue }
  | { kind: 'in'; values: CellValue[] }
  | { kind: 'ops'; ops: ConditionOps }
) & {
  /** A date condition written as calendar days (2026-11-05, no time): a timestamp cell is
   *  compared by its day, so 2026-11-05 14:00 equals 2026-11-05 and is ≤ it. */
  byDay?: boolean;
};

export interface ConditionOps {
  eq?: CellValue;
  ne?: CellValue;
  gt?: CellValue;
  gte?: CellValue;
  lt?: CellValue;
  lte?: CellValue;
  in?: CellValue[];
  not_in?: CellValue[];
  empty?: boolean;
}

/** Conditions on several fields, AND-ed. Keys are field ids of the metric's source. */
export type RowFilter = Record<string, Condition>;

export interface Field {
  id: string;
  type: FieldType;
  /** Accepted column headers (aliases), as written in the config; none for derived fields. */
  headers: string[];
  /** A derived field (SPEC §3.1): computed from the row's other fields, not read. */
  derive?: Expr;
  /** The expression as written, for explanations. */
  deriveText?: string;
  /** A duration field (SPEC §4.6, `types: { talk: seconds }`): a number field whose cells
   *  are read as durations in this unit. */
  duration?: 'seconds' | 'minutes' | 'hours';
}

export interface Source {
  id: string;
  sheet?: string;
  file?: string;
  fields: Field[];
  /** Whether rows carry a `date` field (and are filtered by period). */
  dated: boolean;
  trueValues: string[];
  falseValues: string[];
  dateFormat?: 'dmy' | 'mdy' | 'ymd';
  /** How a two-part duration `a:b` reads (SPEC §4.6); h:mm unless the source says mm:ss. */
  durationFormat?: 'h:mm' | 'mm:ss';
  /** A table or query of a database (SPEC §14) instead of a ledger file. */
  sql?: SqlSpec;
}

/** Where a database source's rows are: `url` as written (`env:NAME`, `postgres://…`,
 *  `duckdb:`, `duckdb:path.db`), and exactly one of `table` and `query`. */
export interface SqlSpec {
  url: string;
  table?: string;
  query?: string;
}

export type Agg =
  | 'count' | 'sum' | 'avg' | 'min' | 'max' | 'median' | 'percentile' | 'distinct' | 'ratio';

export type Metric =
  | {
      id: string;
      kind: 'agg';
      source: string;
      agg: Agg;
      field?: string;
      p?: number;
      where?: RowFilter;
      hit?: RowFilter;
      /** The metric's own label, if the config gives one (for the published scheme). */
      label?: string;
      /** `project: false` (SPEC §11): a one-off event, never projected to the period's end. */
      project?: false;
    }
  | { id: string; kind: 'formula'; formula: Expr; text: string; label?: string; project?: false };

/** A parsed expression: metric formulas (SPEC §3) and derived fields (§3.1) share it. */
export type Expr =
  | { type: 'num'; value: number }
  | { type: 'ref'; name: string; offset: number }
  | { type: 'neg'; arg: Expr }
  | { type: 'not'; arg: Expr }
  | { type: 'bin'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'call'; fn: ExprFunction; args: Expr[]; offset: number };

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '>' | '>=' | '<' | '<=' | '==' | '!=' | 'and' | 'or';

export type ExprFunction =
  | 'min' | 'max' | 'abs' | 'if' | 'round' | 'days' | 'hours' | 'minutes' | 'workdays';

export type Standard =
  | { method: 'linear'; target: number; zero: number; floor?: number; cap: number }
  | { method: 'ratio'; target: number; better: 'higher' | 'lower'; floor?: number; cap: number }
  | { method: 'piecewise'; points: { at: number; score: number }[]; cap: number }
  | { method: 'bands'; bands: { min?: number; max?: number; score: number }[]; cap: number }
  | { method: 'deduct'; per: number; base: number; cap: number }
  | { method: 'add'; per: number; base: number; cap: number }
  | { method: 'threshold'; when: Condition; cap: number }
  | { method: 'direct'; scale: number; cap: number };

export type MissingPolicy = 'exclude' | 'zero' | 'full' | 'error';

export interface Indicator {
  metric: string;
  label: string;
  weight: number;
  standard: Standard;
  missing: MissingPolicy;
}

export interface Dimension {
  id: string;
  label: string;
  indicators: Indicator[];
}

export interface Role {
  id: string;
  label: string;
  /** Dimension id → weight, in config order. */
  weights: { dimension: string; weight: number }[];
}

export interface Adjustment {
  metric: string;
  label: string;
  per: number;
  min?: number;
  max?: number;
}

export type VetoEffect =
  | { effect: 'zero' }
  | { effect: 'cap'; cap: number }
  | { effect: 'grade'; grade: string };

export type Veto = { metric: string; label: string; when: Condition } & VetoEffect;

export interface Grade {
  grade: string;
  min?: number;
  maxShare?: number;
}

export type PeriodUnit = 'month' | 'quarter' | 'half' | 'year';

/**
 * When a scheme is in force (SPEC §12): the periods as written (canonical keys, null when
 * open) and the days they cover, half-open like a Period (-Infinity / Infinity when open).
 */
export interface Effective {
  from: string | null;
  to: string | null;
  start: DayNumber;
  end: DayNumber;
}

/** The whole validated scheme. */
export interface Scheme {
  title: string;
  /** When it is in force; absent or null: always (SPEC §12). */
  effective?: Effective | null;
  /** The config's own `missing:` (indicators carry the policy that applies to them). */
  missing?: MissingPolicy;
  locale: 'zh-CN' | 'en';
  period: PeriodUnit;
  sources: Source[];
  metrics: Metric[];
  dimensions: Dimension[];
  roles: Role[];
  defaultRole?: string;
  adjustments: Adjustment[];
  vetoes: Veto[];
  grades: Grade[];
  maxTotal?: number;
  distributionScope: 'all' | 'role' | 'team';
  /** Whole day numbers of public holidays and make-up working days (调休), for workdays(). */
  calendar: { holidays: ReadonlySet<number>; workdays: ReadonlySet<number> };
}

/** Where a row came from, as the user sees it (row number as in Excel or an editor). */
export interface RowOrigin {
  file: string;
  sheet: string | null;
  row: number;
}

/** One accepted ledger row: values indexed like `Source.fields`. */
export interface LedgerRow {
  source: string;
  values: CellValue[];
  origin: RowOrigin;
}

/** A row that took part in no metric, and why (SPEC §4.5). */
export interface RejectedRow {
  file: string;
  sheet: string | null;
  row: number;
  column: string | null;
  value: string | null;
  /** Why, in both languages (the Issues sheet follows the locale; JSON says `en`). */
  reason: TextLike;
  /** Whose row it was, when the id could be read (not part of the JSON contract). */
  employee?: string;
  /** A database source's rejections come counted per reason, not row by row (SPEC §14):
   *  how many rows this entry stands for. */
  rows?: number;
}
