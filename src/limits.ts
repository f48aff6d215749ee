/**
 * What kpi refuses to read past (RELIABILITY §2.2, §7), so a hostile or mistaken file ends
 * with a message and exit 2 instead of exhausting memory, disk or time. The defaults sit
 * far above any real month's ledgers; `--limit name=value` raises (or lowers) one for a
 * run, and every message that reaches a limit names the flag that raises it.
 */
import { EXIT, KpiError } from './errors.js';
import { closest } from './config/suggest.js';

export interface Limits {
  /** Size of one ledger file. */
  inputBytes: number;
  /** Rows of one table (a text file, or one sheet), blank ones included. */
  rows: number;
  /** One record of a text file, quoted line breaks included. */
  lineBytes: number;
  /** Text of one workbook cell. */
  cellChars: number;
  /** Entries in a workbook's zip. */
  zipEntries: number;
  /** One worksheet, inflated; parts held whole in memory (shared strings, styles) get an
   *  eighth of it. */
  unzippedBytes: number;
  /** Inflated ÷ compressed size of a workbook part of 1 MiB or more. */
  compressionRatio: number;
  /** Time to read one workbook. */
  readSeconds: number;
  /** Memory (V8 heap) for reading one workbook, in MiB. */
  workerHeapMb: number;
  /** Time for the query of one database source (SPEC §14). */
  querySeconds: number;
}

type Unit = 'bytes' | 'count' | 'seconds' | 'MiB';

export interface LimitSpec {
  key: keyof Limits;
  /** The name `--limit` takes. */
  name: string;
  default: number;
  unit: Unit;
}

const KIB = 1024;
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

export const LIMIT_SPECS: readonly LimitSpec[] = [
  { key: 'inputBytes', name: 'input-bytes', default: 4 * GIB, unit: 'bytes' },
  { key: 'rows', name: 'rows', default: 50_000_000, unit: 'count' },
  { key: 'lineBytes', name: 'line-bytes', default: MIB, unit: 'bytes' },
  { key: 'cellChars', name: 'cell-chars', default: MIB, unit: 'count' },
  { key: 'zipEntries', name: 'zip-entries', default: 10_000, unit: 'count' },
  { key: 'unzippedBytes', name: 'unzipped-bytes', default: 2 * GIB, unit: 'bytes' },
  { key: 'compressionRatio', name: 'compression-ratio', default: 200, unit: 'count' },
  { key: 'readSeconds', name: 'read-seconds', default: 600, unit: 'seconds' },
  { key: 'workerHeapMb', name: 'worker-heap-mb', default: 2048, unit: 'MiB' },
  { key: 'querySeconds', name: 'query-seconds', default: 300, unit: 'seconds' },
];

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze(
  Object.fromEntries(LIMIT_SPECS.map((spec) => [spec.key, spec.default])) as unknown as Limits,
);

/** The `--limit` that raises a limit, for hints: `--limit rows=100000000`. */
export function raiseHint(key: keyof Limits, suggested?: number): string {
  const spec = LIMIT_SPECS.find((s) => s.key === key)!;
  return `if the file is genuine, raise the limit with --limit ${spec.name}=${suggested === undefined ? 'N' : Math.ceil(suggested)}`;
}

const SIZE_SUFFIX: Record<string, number> = { '': 1, k: KIB, kb: KIB, kib: KIB, m: MIB, mb: MIB, mib: MIB, g: GIB, gb: GIB, gib: GIB };

function parseValue(spec: LimitSpec, text: string): number | null {
  const match = /^(\d[\d_,]*(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  if (!match) return null;
  const number = Number(match[1].replace(/[_,]/g, ''));
  const suffix = match[2].toLowerCase();
  const scale = spec.unit === 'bytes' ? SIZE_SUFFIX[suffix] : spec.unit === 'seconds' && suffix === 's' ? 1 : suffix === '' ? 1 : undefined;
  if (scale === undefined || !Number.isFinite(number) || number <= 0) return null;
  // Seconds may be fractions (read-seconds=0.5); everything else is a whole count.
  return spec.unit === 'seconds' ? number : Math.floor(number * scale) || null;
}

/** Limits from `--limit name=value` flags (repeatable), over the defaults. */
export function limitsFrom(flags: readonly string[]): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const name = (eq < 0 ? flag : flag.slice(0, eq)).trim();
    const spec = LIMIT_SPECS.find((s) => s.name === name);
    if (!spec) {
      const near = closest(name, LIMIT_SPECS.map((s) => s.name));
      throw new KpiError(`--limit: unknown limit "${name}"${near ? ` (did you mean "${near}"?)` : ''}`, EXIT.usage, `limits are ${LIMIT_SPECS.map((s) => s.name).join(', ')}`);
    }
    const value = eq < 0 ? null : parseValue(spec, flag.slice(eq + 1));
    if (value === null) {
      const example = spec.unit === 'bytes' ? `${spec.name}=8GB` : spec.unit === 'seconds' ? `${spec.name}=1200` : `${spec.name}=${spec.default * 2}`;
      throw new KpiError(`--limit ${flag}: expected ${spec.name}=<a positive ${spec.unit === 'bytes' ? 'size, e.g. 512MB or 8GB' : 'number'}>`, EXIT.usage, `e.g. --limit ${example}`);
    }
    limits[spec.key] = value;
  }
  return limits;
}

/** A size as a person reads it: 109 bytes, 12.5 KiB, 3,072 MiB. */
export function formatSize(bytes: number): string {
  if (bytes < KIB) return `${bytes} bytes`;
  const [value, unit] = bytes < MIB ? [bytes / KIB, 'KiB'] : [bytes / MIB, 'MiB'];
  return `${value.toLocaleString('en', { maximumFractionDigits: 1 })} ${unit}`;
}

/** A limit's value as a person reads it: 4 GiB, 50,000,000, 600 s. */
export function describeLimit(spec: LimitSpec, value = spec.default): string {
  if (spec.unit === 'bytes') return value % GIB === 0 ? `${value / GIB} GiB` : value % MIB === 0 ? `${value / MIB} MiB` : `${value.toLocaleString('en')} bytes`;
  if (spec.unit === 'seconds') return `${value} s`;
  if (spec.unit === 'MiB') return `${value.toLocaleString('en')} MiB`;
  return value.toLocaleString('en');
}
