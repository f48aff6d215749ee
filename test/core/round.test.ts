/**
 * round2 (SPEC §5.4): half away from zero to 2 decimals, and a value within 1e-9 of a half
 * counts as the half, so what people compute by hand is what they get.
 *
 * Binary doubles: the literal 1.005 is 1.00499999999999989…, 2.675 is 2.67499999999999982…,
 * and 89.99 + 0.005 is 89.99499999999999033… — all just below the half. (The literal 89.995
 * itself happens to be 89.99500000000000455…, just above it.) 0.125 is exact.
 */
import { describe, expect, it } from 'vitest';
import { clamp, round2, roundHalfAway } from '../../src/core/round.js';

describe('round2', () => {
  it.each<[string, number, number]>([
    ['89.995 → 90', 89.995, 90],
    ['89.99 + 0.005 (= 89.99499999999999…) → 90', 89.99 + 0.005, 90],
    ['1.005 (= 1.00499999…) → 1.01', 1.005, 1.01],
    ['2.675 (= 2.67499999…) → 2.68', 2.675, 2.68],
    ['0.125 (exact half) → 0.13', 0.125, 0.13],
    ['12.3449999999 (1e-10 below the half) → 12.35', 12.3449999999, 12.35],
    ['89.9949 (clearly below the half) → 89.99', 89.9949, 89.99],
    ['89.99499 (1e-5 below the half) → 89.99', 89.99499, 89.99],
    ['12.344999 (1e-6 below the half) → 12.34', 12.344999, 12.34],
    ['89.9951 → 90', 89.9951, 90],
    ['1.004 → 1', 1.004, 1],
    ['1.006 → 1.01', 1.006, 1.01],
    ['77.5 unchanged', 77.5, 77.5],
    ['0', 0, 0],
    ['100', 100, 100],
    ['99.99999999 → 100', 99.99999999, 100],
    // negatives: half away from zero, i.e. downwards
    ['-0.125 → -0.13', -0.125, -0.13],
    ['-1.005 → -1.01', -1.005, -1.01],
    ['-2.675 → -2.68', -2.675, -2.68],
    ['-(89.99 + 0.005) → -90', -(89.99 + 0.005), -90],
    ['-89.9949 → -89.99', -89.9949, -89.99],
    ['-1.006 → -1.01', -1.006, -1.01],
  ])('%s', (_name, value, expected) => {
    expect(round2(value)).toBe(expected);
  });
});

describe('roundHalfAway to other digits', () => {
  it.each<[number, number, number]>([
    [2.5, 0, 3], // half away from zero
    [-2.5, 0, -3],
    [2.45, 1, 2.5], // 2.45 = 2.4500000000000002 → 24.5 → 25
    [0.0005, 3, 0.001],
  ])('%s to %s digits → %s', (value, digits, expected) => {
    expect(roundHalfAway(value, digits)).toBe(expected);
  });
});

describe('clamp', () => {
  it.each<[number, number, number, number]>([
    [5, 0, 10, 5],
    [-1, 0, 10, 0],
    [11, 0, 10, 10],
    [120, 0, Infinity, 120],
  ])('clamp(%s, %s, %s) → %s', (value, low, high, expected) => {
    expect(clamp(value, low, high)).toBe(expected);
  });
});
