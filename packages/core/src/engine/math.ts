// Small numeric helpers shared by the engine. Internal: not part of the public API.

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Population standard deviation (divides by n): the spread of these values, not an estimate. */
export function populationSd(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null) return null;
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / xs.length);
}

/** Rounds to `digits` decimals, so reported figures are stable and readable. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}
