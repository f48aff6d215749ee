/**
 * Rounding as people check it by hand (SPEC §5.4): half away from zero to 2 decimals, and a
 * value within 1e-9 of a half counts as the half, so 89.995 (stored as 89.99499999…) → 90.00.
 */

const HALF_TOLERANCE = 1e-9;

/** Rounds half away from zero to `digits` decimals, treating near-halves as halves. */
export function roundHalfAway(value: number, digits = 2): number {
  const factor = 10 ** digits;
  const magnitude = Math.abs(value);
  const scaled = magnitude * factor;
  const whole = Math.floor(scaled);
  // The tolerance is on the value itself (1e-9), so it is scaled like the value.
  const roundsUp = scaled - whole >= 0.5 - Math.min(HALF_TOLERANCE * factor, 1e-3);
  const rounded = (roundsUp ? whole + 1 : whole) / factor;
  return value < 0 ? -rounded : rounded;
}

/** The final-score rounding of SPEC §5.4. */
export function round2(value: number): number {
  return roundHalfAway(value, 2);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
