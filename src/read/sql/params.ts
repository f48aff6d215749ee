/**
 * The values a query carries as parameters (SPEC §14: config values are never pasted into
 * SQL text). Each value added gets the next `$n`, cast to its type, so PostgreSQL and
 * DuckDB read it the same way whatever the driver sends.
 */
export type ParamValue = string | number | boolean;

export class Params {
  readonly values: ParamValue[] = [];

  private add(value: ParamValue, type: string): string {
    this.values.push(value);
    return `CAST($${this.values.length} AS ${type})`;
  }

  text(value: string): string {
    return this.add(value, 'VARCHAR');
  }

  number(value: number): string {
    return this.add(value, 'DOUBLE PRECISION');
  }

  /** A calendar date, as `2026-11-01`. */
  date(isoDate: string): string {
    return this.add(isoDate, 'DATE');
  }

  boolean(value: boolean): string {
    return this.add(value, 'BOOLEAN');
  }

  /** A typed cell value of a condition (text, number, boolean or DayNumber). */
  value(value: ParamValue): string {
    return typeof value === 'string' ? this.text(value) : typeof value === 'number' ? this.number(value) : this.boolean(value);
  }
}
