// `npm run sim`: the ladder simulation benchmark (docs/engine.md). Options (or SIM_* variables):
//   --learners N  --attempts N  --seed S        run size and seed (default 1000, 200, 20260101)
//   --gaps LO,HI  --gains LO,HI                 learner model ranges, for sensitivity runs
//   --cliff LO,HI                               every learner has a cliff (default: reported apart)
// Exits 0 whatever the verdict: it is a benchmark, not a test.
import { performance } from "node:perf_hooks";
import { DEFAULT_LEARNER_CONFIG } from "../packages/core/sim/learners";
import { formatReport } from "../packages/core/sim/report";
import { DEFAULT_SIM_OPTIONS, runSimulation } from "../packages/core/sim/run";

function raw(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.env[`SIM_${name.toUpperCase()}`];
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function whole(name: string, fallback: number): number {
  const text = raw(name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    fail(`--${name} must be a positive whole number, got ${text}`);
  return n;
}

function range(name: string, fallback: readonly [number, number]): readonly [number, number] {
  const text = raw(name);
  if (text === undefined) return fallback;
  const [lo, hi] = text.split(",").map(Number);
  if (lo === undefined || hi === undefined || !(lo >= 0 && hi >= lo)) {
    fail(`--${name} must be LO,HI with 0 ≤ LO ≤ HI, got ${text}`);
  }
  return [lo, hi];
}

const options = {
  learners: whole("learners", DEFAULT_SIM_OPTIONS.learners),
  attempts: whole("attempts", DEFAULT_SIM_OPTIONS.attempts),
  seed: whole("seed", DEFAULT_SIM_OPTIONS.seed),
  learner: {
    gaps: range("gaps", DEFAULT_LEARNER_CONFIG.gaps),
    gains: range("gains", DEFAULT_LEARNER_CONFIG.gains),
    cliff: raw("cliff") === undefined ? null : range("cliff", [0, 0]),
  },
};
const started = performance.now();
const result = runSimulation(options, {
  wall: () => performance.now(),
  cpu: () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  },
});
process.stdout.write(`${formatReport(result)}\n`);
process.stdout.write(`\nTotal run time: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
