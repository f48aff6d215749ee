/**
 * The ledger book: where typed rows land while files are read, before anyone knows which
 * period will be scored (SPEC §1: without --period, the period containing the latest row
 * date). Rows of dated sources are kept per period of the scheme's unit, as accumulators,
 * never as rows; rows of undated sources count for every period. At the end one period is
 * chosen and everything outside it becomes "out of period" (§4.5: counted, not rejected).
 */
import { MetricAggregator } from './aggregate.js';
import { inPeriod, periodContaining, type Period } from './period.js';
import type { CellValue, DayNumber, PeriodUnit, RejectedRow, Scheme } from './types.js';

interface Bucket {
  period: Period | null;
  aggregator: MetricAggregator;
  rejected: RejectedRow[];
  rows: number;
  /** Rows accepted into the accumulators, counted apart from `rows` and `rejected` so the
   *  reconciliation (read = used + rejected + blank + out of period) checks something. */
  accepted: number;
  /** The first name a person's rows carried. Who has rows is the aggregator's to say: it
   *  holds accumulators for exactly the people of the accepted rows, in the order first
   *  seen, so a row without a name costs no look-up here. */
  names: Map<string, string>;
  /** What `open` hands out for the bucket's rows: one per bucket, not one per row. */
  receiver: RowReceiver;
}

export interface BookStats {
  rows: number;
  rowsOutOfPeriod: number;
  rejected: number;
  /** The reconciliation (filled in by src/read/ingest.ts, which sees blank and roster rows):
   *  every data row read = used + rejected + blank + out of period. */
  read?: number;
  used?: number;
  blank?: number;
}

export interface ClosedBook {
  period: Period | null;
  /** Metric values of dated sources come from `inPeriod`, of undated ones from `undated`. */
  inPeriod: MetricAggregator;
  undated: MetricAggregator;
  rejected: RejectedRow[];
  seen: Map<string, string | null>;
  stats: BookStats;
  /** Rows of the ledgers (not the roster) that counted: accepted in the period or undated. */
  usedRows: number;
  latestDate: DayNumber | null;
}

export class LedgerBook {
  private readonly buckets = new Map<string, Bucket>();
  private readonly undated: Bucket;
  /** Rows rejected before their period was known (no readable date). */
  private readonly undatable: RejectedRow[] = [];
  private latest: DayNumber | null = null;
  private rowCount = 0;
  private outside = 0;
  /** The bucket of the previous dated row: rows of one period tend to come together. */
  private recent: Bucket | null = null;

  /**
   * @param fixed the period asked for (rows outside it are only counted), or null to keep
   *   every period of `unit` until `close()` picks the latest.
   * @param until rows dated on or after this day are only counted, as out of period
   *   (`kpi score --as-of`: the day after the as-of date, SPEC §11).
   */
  constructor(private readonly scheme: Scheme, private readonly fixed: Period | null, private readonly unit: PeriodUnit, private readonly until: DayNumber = Infinity) {
    this.undated = this.newBucket(null);
  }

  /** Says where a dated row belongs: its bucket, or null when outside the fixed period. */
  private bucketFor(date: DayNumber): Bucket | null {
    if (this.latest === null || date > this.latest) this.latest = date;
    if ((this.fixed && !inPeriod(date, this.fixed)) || date >= this.until) return null;
    const recent = this.recent;
    if (recent !== null && inPeriod(date, recent.period!)) return recent;
    const period = this.fixed ?? periodContaining(date, this.unit);
    this.recent = this.buckets.get(period.key) ?? this.store(this.newBucket(period));
    return this.recent;
  }

  /**
   * Registers one non-blank data row and returns a receiver for it, or null when the row
   * lies outside the fixed period (counted, nothing more to do).
   */
  open(date: DayNumber | null): RowReceiver | null {
    this.rowCount++;
    const bucket = date === null ? this.undated : this.bucketFor(date);
    if (!bucket) {
      this.outside++;
      return null;
    }
    bucket.rows++;
    return bucket.receiver;
  }

  /** A row rejected because its date is empty or unreadable: it belongs to no period.
   *  `rows`: how many rows it stands for (a database's count per reason, SPEC §14). */
  rejectUndatable(rejected: RejectedRow, rows = 1): void {
    this.rowCount += rows;
    this.undatable.push(rejected);
  }

  /** `open` for `rows` rows of one date's period at once, as a database counted them. */
  openMany(date: DayNumber | null, rows: number): RowReceiver | null {
    this.rowCount += rows - 1;
    const receiver = this.open(date);
    if (receiver) this.bucketOf(receiver).rows += rows - 1;
    else this.outside += rows - 1;
    return receiver;
  }

  private bucketOf(receiver: RowReceiver): Bucket {
    if (this.undated.receiver === receiver) return this.undated;
    return [...this.buckets.values()].find((b) => b.receiver === receiver)!;
  }

  /** The period `close()` scores by default: the fixed one, else the latest date's. */
  defaultPeriod(): Period | null {
    return this.fixed ?? (this.latest === null ? null : periodContaining(this.latest, this.unit));
  }

  /** Every period (of the unit) that has rows, in order. */
  periods(): Period[] {
    return [...this.buckets.values()].map((b) => b.period!).sort((a, b) => a.start - b.start);
  }

  /**
   * The book as seen from one period: its accumulators, its rejected rows and the rows
   * outside it. Closing does not consume the book, so `batch` can close it once per period.
   */
  close(period: Period | null = this.defaultPeriod()): ClosedBook {
    const chosen = period ? this.buckets.get(period.key) ?? this.newBucket(period) : this.newBucket(null);
    let outside = this.outside;
    for (const bucket of this.buckets.values()) if (bucket !== chosen) outside += bucket.rows;
    const seen = seenIn(this.undated);
    for (const [id, name] of seenIn(chosen)) if (!seen.has(id) || (name && !seen.get(id))) seen.set(id, name);
    const rejected = [...this.undatable, ...this.undated.rejected, ...chosen.rejected];
    return {
      period,
      inPeriod: chosen.aggregator,
      undated: this.undated.aggregator,
      rejected,
      seen,
      stats: { rows: this.rowCount, rowsOutOfPeriod: outside, rejected: rejectedRows(rejected) },
      usedRows: chosen.accepted + this.undated.accepted,
      latestDate: this.latest,
    };
  }

  private newBucket(period: Period | null): Bucket {
    const aggregator = new MetricAggregator(this.scheme);
    const rejected: RejectedRow[] = [];
    const names = new Map<string, string>();
    const bucket: Bucket = {
      period, aggregator, rejected, rows: 0, accepted: 0, names,
      receiver: {
        accept: (source: string, values: readonly CellValue[], employee: string, name: string | null, key = -1) => {
          bucket.accepted++;
          aggregator.addValues(source, values, key);
          if (name && !names.has(employee)) names.set(employee, name);
        },
        reject: (row: RejectedRow) => void rejected.push(row),
        acceptResults: (source, employee, results, rows, name) => {
          bucket.accepted += rows;
          aggregator.addResults(source, employee, results);
          if (name && !names.has(employee)) names.set(employee, name);
        },
      },
    };
    return bucket;
  }

  private store(bucket: Bucket): Bucket {
    this.buckets.set(bucket.period!.key, bucket);
    return bucket;
  }
}

/** People with accepted rows in a bucket, in the order first seen, each with a name if a
 *  row carried one. */
function seenIn(bucket: Bucket): Map<string, string | null> {
  return new Map(bucket.aggregator.employees().map((id) => [id, bucket.names.get(id) ?? null]));
}

export interface RowReceiver {
  /** An accepted row of `source`, by its typed values (no row object is made for it);
   *  `key`: see MetricAggregator.addValues. */
  accept(source: string, values: readonly CellValue[], employee: string, name: string | null, key?: number): void;
  reject(rejected: RejectedRow): void;
  /** `rows` accepted rows of a database source, as the per-person values the database
   *  aggregated them into (SPEC §14). */
  acceptResults(source: string, employee: string, results: ReadonlyMap<string, number | null>, rows: number, name: string | null): void;
}

/** Rows rejected: one each, or the count a database gave for one reason (SPEC §14). */
export function rejectedRows(rejected: readonly RejectedRow[]): number {
  let rows = 0;
  for (const r of rejected) rows += r.rows ?? 1;
  return rows;
}
