import { BAND_HIGH, BAND_LOW, type PolicyResult, type SimResult } from "./run";

/** Targets the benchmark reports against (see docs/engine.md). */
export const TARGETS = {
  maxEce: 0.05,
  minInBand: 0.7,
  minSpeedup: 0.25,
  maxMs: 2000,
} as const;

function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

function toGoal(r: PolicyResult, budget: number): string {
  return Number.isFinite(r.medianToGoal) ? String(r.medianToGoal) : `>${budget}`;
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
    .join("  ");
}

/** One table of policy results. */
function table(policies: readonly PolicyResult[], budget: number): string[] {
  const header = [
    "policy",
    "attempts",
    `in ${BAND_LOW}–${BAND_HIGH}`,
    "reached goal",
    "median to goal",
    "p at goal",
    "log-loss",
    "Brier",
    "AUC",
    "ECE",
    "RMSE vs p",
    "down after ✓",
    "mastery lost",
    "steps added",
    "wall ms",
  ];
  const rows = policies.map((r) => [
    r.policy,
    String(r.attempts),
    pct(r.inBand),
    pct(r.reachedGoal),
    toGoal(r, budget),
    r.goalSuccessP.toFixed(2),
    r.logLoss.toFixed(3),
    r.brier.toFixed(3),
    r.auc.toFixed(3),
    r.ece.toFixed(3),
    r.rmse.toFixed(3),
    pct(r.downAfterSuccess, 2),
    String(r.masteryLostElsewhere),
    String(r.stepsAdded),
    r.ms.toFixed(0),
  ]);
  return grid(header, rows);
}

/** Rows of plain cells, padded to columns. */
function grid(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  return [
    pad(header, widths),
    pad(
      widths.map((w) => "-".repeat(w)),
      widths,
    ),
    ...rows.map((row) => pad(row, widths)),
  ];
}

/**
 * Version 1's model against this engine on the very same attempts, and the engine's calibration
 * by phase (first attempts on a step, then later ones) beside version 1's.
 */
function sameAttempts(policies: readonly PolicyResult[]): string[] {
  const models = grid(
    ["policy", "model", "log-loss", "Brier", "ECE", "RMSE vs p"],
    policies.flatMap((r) => [
      [
        r.policy,
        "this engine",
        r.logLoss.toFixed(3),
        r.brier.toFixed(3),
        r.ece.toFixed(3),
        r.rmse.toFixed(3),
      ],
      [
        "",
        "version 1",
        r.reference.logLoss.toFixed(3),
        r.reference.brier.toFixed(3),
        r.reference.ece.toFixed(3),
        r.reference.rmse.toFixed(3),
      ],
    ]),
  );
  const adaptive = policies.find((r) => r.policy === "adaptive");
  const phases = adaptive
    ? grid(
        [
          "adaptive: attempt on the step",
          "attempts",
          "done",
          "predicted",
          "ECE",
          "v1 predicted",
          "v1 ECE",
        ],
        adaptive.phases.map((ph) => [
          ph.phase,
          String(ph.attempts),
          pct(ph.done),
          pct(ph.predicted),
          ph.ece.toFixed(3),
          pct(ph.referencePredicted),
          ph.referenceEce.toFixed(3),
        ]),
      )
    : [];
  return [...models, "", ...phases];
}

/** The printed tables and verdict, as plain text. */
export function formatReport(result: SimResult): string {
  const { options } = result;
  const lines = [
    `Cando ladder simulation: ${options.learners} learners, up to ${options.attempts} attempts each, seed ${options.seed}`,
    `Learners: step gaps ${options.learner.gaps.join("–")} logits, peak gain ${options.learner.gains.join("–")} logits per attempt${options.learner.cliff ? `, a cliff of ${options.learner.cliff.join("–")} extra logits` : ""}.`,
    "Predictions are the engine's p before each attempt (it observes every policy's attempts);",
    "RMSE vs p: their distance from the learner's true chance.",
    "down after ✓: advice right after a success that pointed to a lower step; mastery lost: mastered",
    "steps that lost mastery after an attempt on another step; steps added: by the split flow.",
    "",
    ...table(result.policies, options.attempts),
    "",
    "The same attempts scored by version 1's model (sim/reference-v1.ts), and by phase:",
    "",
    ...sameAttempts(result.policies),
    "",
  ];
  if (result.cliff) {
    lines.push(
      `Cliff learners: the same learners with one gap (between steps 3 and 8) ${result.cliff.extra.join("–")} logits bigger.`,
      "",
      ...table(result.cliff.policies, options.attempts),
      "",
      ...sameAttempts(result.cliff.policies),
      "",
    );
  }

  const adaptive = result.policies.find((r) => r.policy === "adaptive");
  const fixed = result.policies.find((r) => r.policy === "fixed");
  lines.push("Verdict");
  if (adaptive && fixed) {
    const mark = (ok: boolean) => (ok ? "PASS" : "MISS");
    lines.push(
      `  ${mark(adaptive.downAfterSuccess === 0)}  adaptive advice right after a success never points to a lower step: ${pct(adaptive.downAfterSuccess, 2)}`,
    );
    const lost = result.policies.reduce((n, r) => n + r.masteryLostElsewhere, 0);
    lines.push(
      `  ${mark(lost === 0)}  no mastered step is lost to an attempt on another step (all policies): ${lost}`,
    );
    lines.push(
      `  ${mark(adaptive.ece <= TARGETS.maxEce)}  ECE of the adaptive policy's predictions ≤ ${TARGETS.maxEce}: ${adaptive.ece.toFixed(3)}`,
    );
    lines.push(
      `  ${mark(adaptive.inBand >= TARGETS.minInBand)}  adaptive attempts with true p in ${BAND_LOW}–${BAND_HIGH} ≥ ${pct(TARGETS.minInBand, 0)}: ${pct(adaptive.inBand)}`,
    );
    // A median beyond the budget is censored: the fixed ladder's is then at least budget + 1, and
    // the saving is reported as a lower bound.
    const budget = options.attempts;
    const a = adaptive.medianToGoal;
    const f = Number.isFinite(fixed.medianToGoal) ? fixed.medianToGoal : budget + 1;
    const censored = !Number.isFinite(fixed.medianToGoal);
    const speedup = Number.isFinite(a) ? 1 - a / f : 0;
    lines.push(
      `  ${mark(speedup >= TARGETS.minSpeedup)}  median attempts to goal ≥ ${pct(TARGETS.minSpeedup, 0)} shorter than the fixed ladder: ${toGoal(adaptive, budget)} vs ${toGoal(fixed, budget)} (${speedup >= 0 ? `${censored ? "at least " : ""}${pct(speedup)} shorter` : `${pct(-speedup)} longer`})`,
    );
    const t = result.throughput;
    const scale = 200_000 / Math.max(1, t.learners * t.attempts);
    const cpu = t.cpuMs * scale;
    const size = scale === 1 ? "" : ` (scaled from ${t.learners} × ${t.attempts})`;
    lines.push(
      `  ${mark(cpu < TARGETS.maxMs)}  adaptive policy, 1,000 learners × 200 attempts < ${TARGETS.maxMs} ms: ${cpu.toFixed(0)} ms CPU${size}, ${(t.ms * scale).toFixed(0)} ms wall (engine + learner simulation)`,
    );
  }
  return lines.join("\n");
}
