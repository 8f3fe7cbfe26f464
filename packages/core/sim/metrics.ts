// Scores for probabilistic predictions of binary outcomes, and small summaries.

const EPS = 1e-6;

/** Mean negative log-likelihood (natural log); lower is better, 0.693 is a coin toss. */
export function logLoss(p: readonly number[], y: readonly number[]): number {
  let sum = 0;
  p.forEach((pi, i) => {
    const q = Math.min(1 - EPS, Math.max(EPS, pi));
    sum += (y[i] ?? 0) === 1 ? -Math.log(q) : -Math.log(1 - q);
  });
  return p.length === 0 ? Number.NaN : sum / p.length;
}

/** Mean squared error of the probability (Brier 1950); lower is better. */
export function brier(p: readonly number[], y: readonly number[]): number {
  let sum = 0;
  p.forEach((pi, i) => {
    sum += (pi - (y[i] ?? 0)) ** 2;
  });
  return p.length === 0 ? Number.NaN : sum / p.length;
}

/** Area under the ROC curve (Mann–Whitney, ties counted half); 0.5 = no discrimination. */
export function auc(p: readonly number[], y: readonly number[]): number {
  const order = p.map((_, i) => i).sort((a, b) => (p[a] ?? 0) - (p[b] ?? 0));
  let rankSumPos = 0;
  let pos = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && p[order[j + 1] ?? 0] === p[order[i] ?? 0]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if ((y[order[k] ?? 0] ?? 0) === 1) {
        rankSumPos += avgRank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = order.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Expected calibration error over equal-width bins: Σ (n_b / N) · |mean p_b − success rate_b|. */
export function ece(p: readonly number[], y: readonly number[], bins = 10): number {
  const n = new Array<number>(bins).fill(0);
  const sp = new Array<number>(bins).fill(0);
  const sy = new Array<number>(bins).fill(0);
  p.forEach((pi, i) => {
    const b = Math.min(bins - 1, Math.floor(pi * bins));
    n[b] = (n[b] ?? 0) + 1;
    sp[b] = (sp[b] ?? 0) + pi;
    sy[b] = (sy[b] ?? 0) + (y[i] ?? 0);
  });
  let total = 0;
  for (let b = 0; b < bins; b++) {
    const nb = n[b] ?? 0;
    if (nb > 0) total += (nb / p.length) * Math.abs((sp[b] ?? 0) / nb - (sy[b] ?? 0) / nb);
  }
  return p.length === 0 ? Number.NaN : total;
}

/** Median; Infinity entries (never reached) count as larger than everything. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Root mean squared error of the predictions against the learner's true chances: how far the
 * engine's p is from the truth, whatever the outcomes. Unlike log-loss and Brier, it does not
 * depend on how close to 0 or 1 the attempts a policy chooses are.
 */
export function rmse(p: readonly number[], truth: readonly number[]): number {
  if (p.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += ((p[i] ?? 0) - (truth[i] ?? 0)) ** 2;
  return Math.sqrt(sum / p.length);
}
