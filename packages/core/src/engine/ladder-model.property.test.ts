import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createLadderModel,
  LADDER_MODEL_VERSION,
  type LadderModel,
  parseLadderModel,
  predictLadder,
  predictSuccess,
  syncSteps,
  updateWithAttempt,
} from "./ladder-model";
import type { AttemptOutcome } from "./outcome";
import { recommendNext } from "./recommend";

// Property tests of the ladder model: any ladder, any history of attempts.

const confidence = fc.option(
  fc.integer({ min: 0, max: 10 }).map((x) => x * 10),
  { nil: null },
);
const ladder = fc.array(confidence, { minLength: 1, maxLength: 8 });
const outcome = fc.constantFrom<AttemptOutcome>("done", "partly", "not_yet");
const attempt = fc.record({
  step: fc.nat({ max: 7 }),
  outcome,
  gapHours: fc.integer({ min: 0, max: 24 * 90 }),
});
const history = fc.array(attempt, { maxLength: 40 });

type Attempt = { step: number; outcome: AttemptOutcome; gapHours: number };

// Any valid state, not only those reachable from a fresh ladder: close or equal difficulties, a
// large practice gain, much or little evidence, so that edge cases come up often. Built through
// parseLadderModel, the gate every stored model passes (it reads −0, which fc.double draws, as 0).
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const state = fc
  .record({
    ability: finite(-8, 8),
    practiceGain: finite(0, 0.5),
    // Variances within the engine's floors (an update never leaves a variance below them).
    abilityVariance: finite(0.15, 2),
    stepVariance: finite(0.02, 1.5),
    first: finite(-6, 6),
    gaps: fc.array(fc.oneof(fc.constant(0), finite(0, 0.05), finite(0, 2)), { maxLength: 7 }),
    // A learned state: at least one attempt (before any, a model is its ratings).
    attempts: fc.integer({ min: 1, max: 60 }),
  })
  .map(
    (s): LadderModel =>
      parseLadderModel({
        version: LADDER_MODEL_VERSION,
        ability: s.ability,
        abilityVariance: s.abilityVariance,
        practiceGain: s.practiceGain,
        attempts: s.attempts,
        lastAttemptAt: "2026-01-01T00:00:00.000Z",
        currentStepId: null,
        steps: [0, ...s.gaps].map((_, i, all) => ({
          id: `s${i + 1}`,
          rating: null,
          difficulty: s.first + all.slice(0, i + 1).reduce((a, b) => a + b, 0),
          variance: s.stepVariance,
          mastered: false,
          attempts: s.attempts,
          recent: [],
          override: null,
        })),
      }),
  );
const start = fc.oneof(
  ladder.map((c) => createLadderModel(c.map((x, i) => ({ id: `s${i + 1}`, confidence: x })))),
  state,
);

function play(from: LadderModel, attempts: Attempt[]): LadderModel {
  let m = from;
  let t = Date.UTC(2026, 0, 1);
  for (const a of attempts) {
    t += a.gapHours * 3_600_000;
    const stepId = m.steps[a.step % m.steps.length]?.id ?? "s1";
    m = updateWithAttempt(m, { stepId, outcome: a.outcome, at: new Date(t).toISOString() });
  }
  return m;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("ladder model properties", () => {
  it("predicts probabilities strictly between 0 and 1", () => {
    fc.assert(
      fc.property(start, history, (c, h) => {
        for (const { predictedSuccess: p } of predictLadder(play(c, h))) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(1);
        }
      }),
    );
  });

  it("never makes a harder step more likely than an easier one, after any history", () => {
    fc.assert(
      fc.property(start, history, (c, h) => {
        const ps = predictLadder(play(c, h)).map((x) => x.predictedSuccess);
        for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeLessThanOrEqual(ps[i - 1] ?? 1);
      }),
    );
  });

  it("never lowers a step's estimate after a success there, nor raises it after a setback", () => {
    fc.assert(
      fc.property(start, history, fc.nat({ max: 7 }), (c, h, step) => {
        const m = play(c, h);
        const stepId = m.steps[step % m.steps.length]?.id ?? "s1";
        const before = predictSuccess(m, stepId);
        const at = "2027-06-01T00:00:00.000Z";
        const up = updateWithAttempt(m, { stepId, outcome: "done", at });
        const down = updateWithAttempt(m, { stepId, outcome: "not_yet", at });
        // (Within rounding: the variance shrinks as the mean moves, both in floating point.)
        expect(predictSuccess(up, stepId)).toBeGreaterThanOrEqual(before - 1e-9);
        expect(predictSuccess(down, stepId)).toBeLessThanOrEqual(before + 1e-9);
      }),
    );
  });

  it("is deterministic and never mutates its input", () => {
    fc.assert(
      fc.property(start, history, attempt, (c, h, a) => {
        const m = deepFreeze(play(c, h));
        expect(play(c, h)).toEqual(m);
        const stepId = m.steps[a.step % m.steps.length]?.id ?? "s1";
        const next = { stepId, outcome: a.outcome, at: "2027-06-01T00:00:00.000Z" };
        expect(updateWithAttempt(m, next)).toEqual(updateWithAttempt(m, next));
        expect(recommendNext(m)).toEqual(recommendNext(m));
      }),
    );
  });

  it("survives a JSON round trip: parses back equal and predicts the same", () => {
    fc.assert(
      fc.property(start, history, (c, h) => {
        const m = play(c, h);
        const back = parseLadderModel(JSON.parse(JSON.stringify(m)));
        expect(back).toEqual(m);
        expect(predictLadder(back)).toEqual(predictLadder(m));
        expect(recommendNext(back)).toEqual(recommendNext(m));
      }),
    );
  });

  it("keeps a valid, ordered model when steps are added, reordered or archived", () => {
    fc.assert(
      fc.property(
        start,
        history,
        fc.array(fc.record({ keep: fc.nat({ max: 9 }), confidence }), {
          minLength: 1,
          maxLength: 8,
        }),
        (c, h, next) => {
          const m = play(c, h);
          const ids = new Set<string>();
          const steps = next
            .map((n, i) => ({
              id: n.keep < 8 ? `s${n.keep + 1}` : `new${i}`,
              confidence: n.confidence,
            }))
            .filter((s) => (ids.has(s.id) ? false : ids.add(s.id)));
          const synced = parseLadderModel(syncSteps(m, steps));
          expect(synced.steps.map((s) => s.id)).toEqual(steps.map((s) => s.id));
          const ps = predictLadder(synced).map((x) => x.predictedSuccess);
          for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeLessThanOrEqual(ps[i - 1] ?? 1);
          for (const s of synced.steps) {
            const old = m.steps.find((o) => o.id === s.id);
            if (old) expect(s.attempts).toBe(old.attempts);
          }
        },
      ),
    );
  });

  it("changes nothing when synced with the steps and ratings it already has", () => {
    fc.assert(
      fc.property(start, history, (c, h) => {
        const m = play(c, h);
        expect(
          syncSteps(
            m,
            m.steps.map((s) => ({ id: s.id, confidence: s.rating })),
          ),
        ).toEqual(m);
      }),
    );
  });

  it("always recommends a step of the ladder", () => {
    fc.assert(
      fc.property(start, history, finite(0.05, 0.95), (c, h, target) => {
        const m = play(c, h);
        const r = recommendNext(m, { target });
        expect(m.steps[r.stepIndex]?.id).toBe(r.stepId);
        expect(r.reason.length).toBeGreaterThan(0);
      }),
    );
  });
});
