/**
 * Standards of SPEC §5.1: the indicator score from an actual value a, for every method,
 * with `cap`, `floor` and the clamp to [0, cap].
 */
import { describe, expect, it } from 'vitest';
import { scoreIndicator } from '../../src/core/standards.js';
import type { Standard } from '../../src/core/types.js';

const linear = (zero: number, target: number, extra: { floor?: number; cap?: number } = {}): Standard => ({
  method: 'linear', zero, target, floor: extra.floor, cap: extra.cap ?? 100,
});
const ratio = (target: number, better: 'higher' | 'lower', extra: { floor?: number; cap?: number } = {}): Standard => ({
  method: 'ratio', target, better, floor: extra.floor, cap: extra.cap ?? 100,
});
const piecewise = (points: [number, number][], cap = 100): Standard => ({
  method: 'piecewise', points: points.map(([at, score]) => ({ at, score })), cap,
});
const bands = (list: { min?: number; max?: number; score: number }[], cap = 100): Standard => ({
  method: 'bands', bands: list, cap,
});
const deduct = (per: number, base = 100, cap = 100): Standard => ({ method: 'deduct', per, base, cap });
const add = (per: number, base = 0, cap = 100): Standard => ({ method: 'add', per, base, cap });
const direct = (scale = 1, cap = 100): Standard => ({ method: 'direct', scale, cap });

/** The three-level standard (门槛值/目标值/挑战值) of §5.1. */
const THREE_LEVEL = piecewise([[0.9, 60], [0.95, 100], [0.98, 120]], 120);
/** Lower is better (e.g. response hours): descending `at`. */
const HOURS = piecewise([[8, 60], [4, 100], [2, 120]], 120);
/** The article's on-time bands. */
const ON_TIME = bands([{ min: 0.98, score: 100 }, { min: 0.95, score: 80 }, { min: 0.9, score: 60 }]);

describe('scoreIndicator', () => {
  it.each<[string, Standard, number, number]>([
    // linear, higher is better: 100·(a − zero)/(target − zero), zero 3, target 4.8
    ['linear at target', linear(3, 4.8), 4.8, 100],
    ['linear halfway', linear(3, 4.8), 3.9, 50], // 100·0.9/1.8
    ['linear at zero', linear(3, 4.8), 3, 0],
    ['linear below zero → 0', linear(3, 4.8), 2, 0], // 100·(−1)/1.8 = −55.6 → 0
    ['linear above target → cap 100', linear(3, 4.8), 5.4, 100], // 100·2.4/1.8 = 133.3 → 100
    ['linear above target, cap 120', linear(3, 4.8, { cap: 120 }), 5.1, 350 / 3], // 100·2.1/1.8 = 116.67
    ['linear above target, cap 120 reached', linear(3, 4.8, { cap: 120 }), 6, 120], // 100·3/1.8 = 166.7 → 120
    // linear, lower is better (zero > target): zero 48 h, target 24 h
    ['linear lower at target', linear(48, 24), 24, 100],
    ['linear lower halfway', linear(48, 24), 36, 50], // 100·(36−48)/(24−48) = 100·(−12)/(−24)
    ['linear lower at zero', linear(48, 24), 48, 0],
    ['linear lower worse than zero → 0', linear(48, 24), 60, 0], // 100·12/(−24) = −50 → 0
    ['linear lower better than target → 100', linear(48, 24), 12, 100], // 100·(−36)/(−24) = 150 → 100
    // floor: the wrong side of floor scores 0
    ['linear floor, below it', linear(0, 100, { floor: 60 }), 59, 0], // would be 59
    ['linear floor, on it', linear(0, 100, { floor: 60 }), 60, 60],
    ['linear floor, lower better, above it', linear(48, 24, { floor: 40 }), 41, 0], // would be 100·(−7)/(−24) = 29.2
    ['linear floor, lower better, on it', linear(48, 24, { floor: 40 }), 40, 100 / 3], // 100·(−8)/(−24) = 33.33
    ['linear floor, lower better, below it', linear(48, 24, { floor: 40 }), 30, 75], // 100·(−18)/(−24)

    // ratio, higher: 100·a/target
    ['ratio higher', ratio(50, 'higher'), 40, 80], // 100·40/50
    ['ratio higher above target → 100', ratio(50, 'higher'), 60, 100], // 120 → cap 100
    ['ratio higher above target, cap 120', ratio(50, 'higher', { cap: 120 }), 60, 120], // 100·60/50
    ['ratio higher, a = 0', ratio(50, 'higher'), 0, 0],
    // ratio, lower: 100·target/a, a = 0 → cap
    ['ratio lower', ratio(2, 'lower'), 4, 50], // 100·2/4
    ['ratio lower at target', ratio(2, 'lower'), 2, 100],
    ['ratio lower better than target → 100', ratio(2, 'lower'), 1, 100], // 200 → 100
    ['ratio lower, a = 0 → cap', ratio(2, 'lower'), 0, 100],
    ['ratio lower, a = 0 → cap 120', ratio(2, 'lower', { cap: 120 }), 0, 120],
    ['ratio lower, cap 120', ratio(2, 'lower', { cap: 120 }), 1.8, 1000 / 9], // 100·2/1.8 = 111.1
    // ratio floor
    ['ratio higher floor, below it', ratio(100, 'higher', { floor: 50 }), 49, 0], // would be 49
    ['ratio higher floor, on it', ratio(100, 'higher', { floor: 50 }), 50, 50],
    ['ratio lower floor, above it', ratio(2, 'lower', { floor: 8 }), 9, 0], // would be 22.2
    ['ratio lower floor, on it', ratio(2, 'lower', { floor: 8 }), 8, 25], // 100·2/8

    // piecewise, ascending: the three-level standard with cap 120
    ['three-level, before the first point → 0', THREE_LEVEL, 0.89, 0],
    ['three-level, at the threshold', THREE_LEVEL, 0.9, 60],
    ['three-level, between threshold and target', THREE_LEVEL, 0.925, 80], // 60 + (0.025/0.05)·40
    ['three-level, at the target', THREE_LEVEL, 0.95, 100],
    ['three-level, between target and challenge', THREE_LEVEL, 0.965, 110], // 100 + (0.015/0.03)·20
    ['three-level, at the challenge', THREE_LEVEL, 0.98, 120],
    ['three-level, past the last point → its score', THREE_LEVEL, 0.999, 120],
    ['three-level with the default cap 100', piecewise([[0.9, 60], [0.95, 100], [0.98, 120]]), 0.98, 100], // 120 → 100
    ['piecewise past the last point is not extrapolated', piecewise([[0, 0], [10, 50]]), 20, 50], // not 100
    // piecewise, descending (lower is better)
    ['descending, before the first point (above it) → 0', HOURS, 9, 0],
    ['descending, at the first point', HOURS, 8, 60],
    ['descending, between', HOURS, 6, 80], // 60 + ((6−8)/(4−8))·40 = 60 + 0.5·40
    ['descending, at the middle point', HOURS, 4, 100],
    ['descending, between the last two', HOURS, 3, 110], // 100 + ((3−4)/(2−4))·20
    ['descending, past the last point (below it) → its score', HOURS, 1, 120],

    // bands: the first with min ≤ a < max, missing bounds open, none → 0
    ['bands, top', ON_TIME, 0.99, 100],
    ['bands, min is inclusive', ON_TIME, 0.98, 100],
    ['bands, second', ON_TIME, 0.97, 80],
    ['bands, third at its min', ON_TIME, 0.9, 60],
    ['bands, none → 0', ON_TIME, 0.89, 0],
    ['bands, open min', bands([{ max: 2, score: 100 }, { min: 2, max: 5, score: 70 }, { min: 5, score: 30 }]), -100, 100],
    ['bands, max is exclusive', bands([{ max: 2, score: 100 }, { min: 2, max: 5, score: 70 }, { min: 5, score: 30 }]), 2, 70],
    ['bands, open max', bands([{ max: 2, score: 100 }, { min: 2, max: 5, score: 70 }, { min: 5, score: 30 }]), 1e6, 30],
    ['bands, first match wins (not the best)', bands([{ min: 0, score: 50 }, { min: 10, score: 90 }]), 20, 50],
    ['bands, a gap → 0', bands([{ min: 0, max: 1, score: 100 }, { min: 2, score: 50 }]), 1.5, 0],
    ['bands, score above cap is clamped', bands([{ min: 0, score: 130 }], 120), 1, 120],

    // deduct: base − per·a
    ['deduct, no faults', deduct(25), 0, 100],
    ['deduct, one fault', deduct(25), 1, 75],
    ['deduct, three faults', deduct(25), 3, 25],
    ['deduct, below 0 → 0', deduct(25), 5, 0], // 100 − 125 = −25 → 0
    ['deduct with base 90', deduct(10, 90), 2, 70], // 90 − 20

    // add: base + per·a
    ['add', add(10), 3, 30],
    ['add above cap → 100', add(10), 12, 100], // 120 → 100
    ['add, cap 120', add(10, 0, 120), 12, 120],
    ['add with base 60', add(5, 60), 4, 80], // 60 + 20

    // threshold: 100 if `when` holds, else 0
    ['threshold holds', { method: 'threshold', when: { kind: 'ops', ops: { gte: 1 } }, cap: 100 }, 1, 100],
    ['threshold fails', { method: 'threshold', when: { kind: 'ops', ops: { gte: 1 } }, cap: 100 }, 0, 0],
    ['threshold on equality', { method: 'threshold', when: { kind: 'eq', value: 0 }, cap: 100 }, 0, 100],
    ['threshold, cap below 100', { method: 'threshold', when: { kind: 'eq', value: 0 }, cap: 80 }, 0, 80],

    // direct: a·scale
    ['direct', direct(), 87.5, 87.5],
    ['direct with scale', direct(20), 4.5, 90], // a 1–5 rating ·20
    ['direct negative → 0', direct(), -3, 0],
    ['direct above cap → 100', direct(), 130, 100],
    ['direct, cap 120', direct(1, 120), 130, 120],
  ])('%s: a = %s', (_name, standard, a, expected) => {
    const score = scoreIndicator(standard, a);
    expect(score).toBeCloseTo(expected, 9);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(standard.cap);
  });
});
