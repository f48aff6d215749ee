/**
 * The ledger book fed by a database (SPEC §14): per-person values the database aggregated,
 * and rows counted rather than read one by one, land where a file's rows would — by
 * period, inside or outside the one scored, rejected per reason — and add up.
 */
import { describe, expect, it } from 'vitest';
import { LedgerBook } from '../../src/core/ledger-book.js';
import { parsePeriod } from '../../src/core/period.js';
import { metric, scheme, source } from './factories.js';

const tickets = { ...source('tickets', { date: 'date', score: 'number' }), sql: { url: 'env:DB', table: 'tickets' } };
const s = scheme({ sources: [tickets], metrics: [metric('visits', 'tickets', 'count'), metric('best', 'tickets', 'max', { field: 'score' })] });
const NOV_5 = 20762;
const OCT_5 = 20731;

describe('LedgerBook, aggregated rows', () => {
  it('takes a person\'s values as given, counts every row, and keeps the latest period by default', () => {
    const book = new LedgerBook(s, null, 'month');
    book.openMany(NOV_5, 7)!.acceptResults('tickets', 'A01', new Map([['visits', 7], ['best', 4.5]]), 7, null);
    book.openMany(OCT_5, 3)!.acceptResults('tickets', 'A01', new Map([['visits', 3], ['best', 5]]), 3, null);
    book.openMany(NOV_5, 2)!.reject({ file: 'tickets (database)', sheet: null, row: 0, column: 'score', value: null, reason: 'not a number', rows: 2 });
    book.rejectUndatable({ file: 'tickets (database)', sheet: null, row: 0, column: 'created', value: null, reason: 'no date', rows: 4 }, 4);
    const closed = book.close();
    expect(closed.period?.key).toBe('2026-11');
    expect(closed.inPeriod.valuesOf('A01')).toEqual(new Map([['visits', 7], ['best', 4.5]]));
    expect(closed.inPeriod.valuesOf('B02')).toEqual(new Map([['visits', 0], ['best', null]]));
    expect(closed.stats).toEqual({ rows: 16, rowsOutOfPeriod: 3, rejected: 6 });
    expect(closed.usedRows).toBe(7);
    expect(book.close(parsePeriod('2026-10')).inPeriod.valuesOf('A01').get('best')).toBe(5);
  });

  it('counts rows outside a fixed period without taking their values', () => {
    const book = new LedgerBook(s, parsePeriod('2026-11'), 'month');
    expect(book.openMany(OCT_5, 5)).toBeNull();
    book.openMany(NOV_5, 1)!.acceptResults('tickets', 'A01', new Map([['visits', 1], ['best', 3]]), 1, 'Li Lei');
    const closed = book.close();
    expect(closed.stats).toEqual({ rows: 6, rowsOutOfPeriod: 5, rejected: 0 });
    expect(closed.seen).toEqual(new Map([['A01', 'Li Lei']]));
    expect(closed.latestDate).toBe(NOV_5);
  });
});
