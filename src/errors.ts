/**
 * User-facing errors. A KpiError is something the person at month end can fix (a typo in
 * kpi.yaml, a missing column): it is printed as one line plus an optional hint, never with a
 * stack, and carries the documented exit code. Anything else that escapes is a bug.
 */

export const EXIT = {
  ok: 0,
  /** Bad arguments or an invalid config. */
  usage: 1,
  /** Ledger data problems under --strict, unreadable/unsupported input, or nothing to score. */
  data: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class KpiError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
    /** Further lines (one per problem) when one error stands for several. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'KpiError';
  }
}

/** A problem with a place, as `kpi validate` lists them. */
export interface Problem {
  /** `kpi.yaml:12:7` or `ledger.xlsx [服务台账] row 42, column 满意度`. */
  where: string;
  message: string;
  hint?: string;
}

export function formatProblem(p: Problem): string {
  return `${p.where}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
}

/** Several config problems reported at once (exit 1). */
export class ConfigError extends KpiError {
  constructor(readonly file: string, readonly problems: Problem[]) {
    super(
      problems.length === 1 ? formatProblem(problems[0]) : `${file}: ${problems.length} problems in the config`,
      EXIT.usage,
      undefined,
      problems.length === 1 ? [] : problems.map(formatProblem),
    );
    this.name = 'ConfigError';
  }
}
