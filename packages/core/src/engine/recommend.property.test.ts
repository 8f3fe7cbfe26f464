import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainPrediction } from "./explain";
import {
  createLadderModel,
  type LadderModel,
  predictSuccess,
  syncSteps,
  updateWithAttempt,
} from "./ladder-model";
import { isStepMastered } from "./mastery";
import type { AttemptOutcome } from "./outcome";
import { recommendNext, SKIP_UNTRIED_MIN_RATING } from "./recommend";
import { replayLadderModel } from "./replay";

// The advice never contradicts itself (issue 9): properties over any ladder and any history.

const rating = fc.option(
  fc.integer({ min: 0, max: 10 }).map((x) => x * 10),
  { nil: null },
);
const ratings = fc.array(rating, { minLength: 2, maxLength: 8 });
const outcome = fc.constantFrom<AttemptOutcome>("done", "partly", "not_yet");
const history = fc.array(
  fc.record({ step: fc.nat({ max: 7 }), outcome, gapDays: fc.integer({ min: 0, max: 40 }) }),
  { maxLength: 40 },
);
const target = fc.integer({ min: 70, max: 90 }).map((x) => x / 100);

function ladder(rs: readonly (number | null)[]): LadderModel {
  return createLadderModel(rs.map((confidence, i) => ({ id: `s${i + 1}`, confidence })));
}

type Step = { step: number; outcome: AttemptOutcome; gapDays: number };

/** Plays a history, checking `each` after every attempt with the model before and after it. */
function play(
  from: LadderModel,
  steps: readonly Step[],
  each?: (before: LadderModel, after: LadderModel, index: number, outcome: AttemptOutcome) => void,
): LadderModel {
  let m = from;
  let t = Date.UTC(2026, 0, 1);
  for (const a of steps) {
    t += a.gapDays * 86_400_000;
    const index = a.step % m.steps.length;
    const next = updateWithAttempt(m, {
      stepId: m.steps[index]?.id ?? "s1",
      outcome: a.outcome,
      at: new Date(t).toISOString(),
    });
    each?.(m, next, index, a.outcome);
    m = next;
  }
  return m;
}

describe("advice that never contradicts itself", () => {
  it("right after a success, never moves to a lower step", () => {
    fc.assert(
      fc.property(ratings, history, target, (rs, h, tg) => {
        play(ladder(rs), h, (_, after, index, o) => {
          if (o === "done")
            expect(recommendNext(after, { target: tg }).stepIndex).toBeGreaterThanOrEqual(index);
        });
      }),
    );
  });

  it("goes back to a mastered step only after repeated setbacks on the current one, and says so", () => {
    fc.assert(
      fc.property(ratings, history, target, (rs, h, tg) => {
        play(ladder(rs), h, (_, after) => {
          const r = recommendNext(after, { target: tg });
          const current = after.steps.findIndex((s) => s.id === after.currentStepId);
          const chosen = after.steps[r.stepIndex];
          if (r.stepIndex < current && chosen && isStepMastered(after, chosen.id)) {
            const recent = after.steps[current]?.recent ?? [];
            expect(recent.slice(-2)).toEqual(["not_yet", "not_yet"]);
            expect(r.reason).toContain("consolidate");
            expect(r.reason).toMatch(/\(\d+ of \d+ not yet\)/);
          }
        });
      }),
    );
  });

  it("never takes mastery away for what happens on another step", () => {
    fc.assert(
      fc.property(ratings, history, (rs, h) => {
        play(ladder(rs), h, (before, after, index) => {
          before.steps.forEach((s, j) => {
            if (j !== index && isStepMastered(before, s.id)) {
              expect(isStepMastered(after, s.id)).toBe(true);
            }
          });
        });
      }),
    );
  });

  it("before any attempt, never skips a step the person did not rate 90 or more", () => {
    fc.assert(
      fc.property(ratings, target, (rs, tg) => {
        const r = recommendNext(ladder(rs), { target: tg });
        for (let i = 0; i < r.stepIndex; i++) {
          expect(rs[i] ?? 0).toBeGreaterThanOrEqual(SKIP_UNTRIED_MIN_RATING);
        }
        expect(r.reason).not.toContain(" now ");
      }),
    );
  });

  it("explains an unrated step's prediction, and a re-rating before any attempt moves it", () => {
    fc.assert(
      fc.property(ratings, fc.nat({ max: 7 }), fc.integer({ min: 1, max: 9 }), (rs, k, r) => {
        const i = k % rs.length;
        const unrated = rs.map((x, j) => (j === i ? null : x));
        const m = ladder(unrated);
        const why = explainPrediction(m, `s${i + 1}`);
        expect(why.basis).toBe("not_rated");
        expect(why.sentence).toContain("not rated");
        const rerated = unrated.map((x, j) => (j === i ? r * 10 : x));
        // As the server does: the model is replayed from the facts, the new rating among them.
        const synced = replayLadderModel({
          steps: rerated.map((confidence, j) => ({
            id: `s${j + 1}`,
            confidence,
            addedAt: "2026-01-01T00:00:00.000Z",
            archived: false,
            override: null,
          })),
          attempts: [],
        });
        if (!synced) throw new Error("no model");
        // The same as a ladder built from the new ratings: the rating is what counts.
        expect(predictSuccess(synced, `s${i + 1}`)).toBeCloseTo(
          predictSuccess(ladder(rerated), `s${i + 1}`),
          12,
        );
        expect(explainPrediction(synced, `s${i + 1}`)).toMatchObject({
          basis: "rating",
          rating: r * 10,
        });
      }),
    );
  });

  it("moves an unrated step when the person rates it higher or lower", () => {
    const m = ladder([90, null, 30]);
    const at = (c: number) =>
      predictSuccess(
        syncSteps(
          m,
          [90, c, 30].map((x, j) => ({ id: `s${j + 1}`, confidence: x })),
        ),
        "s2",
      );
    expect(at(70)).toBeGreaterThan(at(40));
    expect(at(40)).toBeCloseTo(0.4, 10);
  });
});
