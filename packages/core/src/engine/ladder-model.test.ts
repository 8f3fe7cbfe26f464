import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../errors";
import {
  createLadderModel,
  DEFAULT_LADDER_TUNING,
  LADDER_MODEL_VERSION,
  type LadderModel,
  parseLadderModel,
  predictLadder,
  predictSuccess,
  setStepOverride,
  syncSteps,
  updateWithAttempt,
} from "./ladder-model";
import { isStepMastered, stepMastery } from "./mastery";
import { buildModel } from "./test-support";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const steps = (...confidence: (number | null)[]) =>
  confidence.map((c, i) => ({ id: `s${i + 1}`, confidence: c }));
const ps = (m: LadderModel) => predictLadder(m).map((x) => x.predictedSuccess);
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 18)).toISOString();
const t = DEFAULT_LADDER_TUNING;
/** How much a step's uncertainty spreads its difficulty (predictions are flattened by as much). */
const spread = (variance: number) => Math.sqrt(1 + (9 / Math.PI ** 2) * variance);
const rated = spread(t.stepVarianceRated);
const unrated = spread(t.stepVarianceUnrated);

describe("createLadderModel", () => {
  it("starts each step near the person's confidence: c maps to p ≈ c/100", () => {
    const got = ps(createLadderModel(steps(90, 70, 50, 30)));
    for (const [i, p] of [0.9, 0.7, 0.5, 0.3].entries()) expect(got[i]).toBeCloseTo(p, 10);
  });

  it("treats 0 and 100 as censored at 5% and 95%, and spaces them from their neighbours", () => {
    const got = ps(createLadderModel(steps(100, 80, 0, 0)));
    expect(got[0]).toBeCloseTo(0.95, 10);
    expect(got[1]).toBeCloseTo(0.8, 10);
    expect(got[2]).toBeCloseTo(0.05, 10);
    expect(got[3]).toBeCloseTo(sigmoid(Math.log(0.05 / 0.95) - 0.25 / unrated), 10);
  });

  it("never starts a later step easier than an earlier one, pooling inconsistent ratings", () => {
    const got = ps(createLadderModel(steps(30, 70)));
    expect(got[0]).toBeCloseTo(0.5, 10);
    expect(got[1]).toBeCloseTo(sigmoid(-t.minInitialGap / rated), 10);
    const tie = ps(createLadderModel(steps(50, 50)));
    expect(tie[1]).toBeLessThan(tie[0] ?? 0);
  });

  it("interpolates unrated steps between rated ones and extrapolates one gap beyond", () => {
    const m = createLadderModel(steps(null, 80, null, 40, null));
    const d = m.steps.map((s) => s.difficulty);
    const d1 = -Math.log(0.8 / 0.2);
    const d3 = -Math.log(0.4 / 0.6);
    // Each is spread by its own uncertainty: a guessed step is less certain than a rated one.
    expect(d[1]).toBeCloseTo(d1 * rated, 10);
    expect(d[2]).toBeCloseTo(((d1 + d3) / 2) * unrated, 10);
    expect(d[0]).toBeCloseTo((d1 - 1) * unrated, 10);
    expect(d[4]).toBeCloseTo((d3 + 1) * unrated, 10);
    expect(m.steps.map((s) => s.variance)).toEqual([
      t.stepVarianceUnrated,
      t.stepVarianceRated,
      t.stepVarianceUnrated,
      t.stepVarianceRated,
      t.stepVarianceUnrated,
    ]);
  });

  it("starts an unrated ladder at 90% with one-logit gaps", () => {
    const m = createLadderModel(steps(null, null, null));
    expect(ps(m)[0]).toBeCloseTo(0.9, 10);
    expect((m.steps[1]?.difficulty ?? 0) - (m.steps[0]?.difficulty ?? 0)).toBeCloseTo(unrated, 10);
  });

  it("rejects an empty ladder, duplicate ids and confidences outside 0–100", () => {
    expect(() => createLadderModel([])).toThrow(ValidationError);
    expect(() => createLadderModel([...steps(50), ...steps(60)])).toThrow(ValidationError);
    expect(() => createLadderModel(steps(120))).toThrow(ValidationError);
  });
});

describe("updateWithAttempt", () => {
  const start = createLadderModel(steps(90, 70, 50, 30));

  it("raises the estimate after a success and lowers it after a setback, without mutating", () => {
    const before = JSON.stringify(start);
    const up = updateWithAttempt(start, { stepId: "s2", outcome: "done", at: day(0) });
    const down = updateWithAttempt(start, { stepId: "s2", outcome: "not_yet", at: day(0) });
    expect(JSON.stringify(start)).toBe(before);
    expect(predictSuccess(up, "s2")).toBeGreaterThan(0.7);
    expect(predictSuccess(down, "s2")).toBeLessThan(0.7);
    expect(up).toMatchObject({ attempts: 1, currentStepId: "s2", lastAttemptAt: day(0) });
    expect(up.steps[1]).toMatchObject({ attempts: 1, recent: ["done"] });
  });

  it("shares the surprise by uncertainty, with the documented variances, on the first attempt", () => {
    const m = updateWithAttempt(start, { stepId: "s3", outcome: "done", at: day(0) });
    // p = 0.5, error = 0.5; V = ability variance + step variance; one Newton step V·e/(1 + V·p(1 − p))
    const va = t.abilityVariance0;
    const vs = t.stepVarianceRated;
    const v = va + vs;
    const shift = (v * 0.5) / (1 + v * 0.25);
    // The practice gain starts from its prior and learns from the surprise; it is added in
    // proportion to p(1 − p), in full at p = 0.8 (0.16), so at p = 0.5 by 0.25 / 0.16.
    const gain = t.practiceGain0 + t.gainK * 0.5;
    expect(m.practiceGain).toBeCloseTo(gain, 12);
    expect(m.ability).toBeCloseTo((va / v) * shift + (gain * 0.25) / 0.16, 12);
    expect(m.steps[2]?.difficulty).toBeCloseTo(0 - (vs / v) * shift, 12);
    const shrink = 0.25 / (1 + v * 0.25);
    expect(m.abilityVariance).toBeCloseTo(
      Math.max(va * (1 - va * shrink) + t.abilityNoise, t.abilityVarianceMin),
      12,
    );
    expect(m.steps[2]?.variance).toBeCloseTo(vs * (1 - vs * shrink), 12);
  });

  it("lets a first setback on an untried step move mostly that step, not the ability (issue 9)", () => {
    let m = createLadderModel(steps(90, 70, 50, 40, 20, 10));
    for (let i = 0; i < 3; i++) {
      m = updateWithAttempt(m, { stepId: "s1", outcome: "done", at: day(i) });
    }
    const after = updateWithAttempt(m, { stepId: "s2", outcome: "not_yet", at: day(3) });
    const abilityDrop = m.ability - after.ability;
    const stepRise = (after.steps[1]?.difficulty ?? 0) - (m.steps[1]?.difficulty ?? 0);
    expect(stepRise).toBeGreaterThan(abilityDrop);
    // Step 1, mastered, stays mastered: a setback elsewhere takes nothing away.
    expect(isStepMastered(m, "s1")).toBe(true);
    expect(isStepMastered(after, "s1")).toBe(true);
  });

  it("counts partly as half: at p = 0.5 it leaves the estimate where it was", () => {
    // Without the practice gain's prior, which adds growth after any attempt.
    const still = createLadderModel(steps(90, 70, 50, 30), { practiceGain0: 0 });
    const m = updateWithAttempt(still, { stepId: "s3", outcome: "partly", at: day(0) });
    expect(predictSuccess(m, "s3")).toBeCloseTo(0.5, 12);
    const grown = updateWithAttempt(start, { stepId: "s3", outcome: "partly", at: day(0) });
    expect(grown.ability).toBeCloseTo((t.practiceGain0 * 0.25) / 0.16, 12);
  });

  it("keeps the last three outcomes of a step, and the latest time when logged out of order", () => {
    let m = start;
    const outcomes = ["done", "not_yet", "partly", "done"] as const;
    outcomes.forEach((outcome, i) => {
      m = updateWithAttempt(m, { stepId: "s1", outcome, at: day(i) });
    });
    expect(m.steps[0]?.recent).toEqual(["not_yet", "partly", "done"]);
    m = updateWithAttempt(m, { stepId: "s1", outcome: "done", at: day(1) });
    expect(m.lastAttemptAt).toBe(day(3));
  });

  it("moves faster again after a long break (the ability's uncertainty grows)", () => {
    let m = start;
    for (let i = 0; i < 20; i++)
      m = updateWithAttempt(m, { stepId: "s2", outcome: "done", at: day(i) });
    const soon = updateWithAttempt(m, { stepId: "s3", outcome: "not_yet", at: day(20) });
    const later = updateWithAttempt(m, { stepId: "s3", outcome: "not_yet", at: day(120) });
    expect(m.ability - later.ability).toBeGreaterThan(m.ability - soon.ability);
    expect(later.abilityVariance).toBeGreaterThan(soon.abilityVariance);
  });

  it("pushes easier steps along when a harder one turns out easy", () => {
    const m = buildModel([{ p: 0.6 }, { p: 0.59 }, { p: 0.2 }]);
    const after = updateWithAttempt(m, { stepId: "s2", outcome: "done", at: day(0) });
    const got = ps(after);
    expect(got[0]).toBeGreaterThanOrEqual(got[1] ?? 1);
    expect(got[1]).toBeGreaterThanOrEqual(got[2] ?? 1);
  });

  it("rejects an unknown step, outcome or time", () => {
    expect(() => updateWithAttempt(start, { stepId: "nope", outcome: "done", at: day(0) })).toThrow(
      NotFoundError,
    );
    try {
      updateWithAttempt(start, { stepId: "nope", outcome: "done", at: day(0) });
    } catch (e) {
      expect(e).toMatchObject({ code: "step_not_found" });
    }
    const bad = { stepId: "s1", outcome: "maybe", at: day(0) } as unknown as Parameters<
      typeof updateWithAttempt
    >[1];
    expect(() => updateWithAttempt(start, bad)).toThrow(ValidationError);
    expect(() => updateWithAttempt(start, { stepId: "s1", outcome: "done", at: "soon" })).toThrow(
      ValidationError,
    );
  });
});

describe("mastery and overrides", () => {
  it("is mastered at p ≥ 0.9 with two of the last three attempts done", () => {
    const m = buildModel([
      { p: 0.92, recent: ["done", "not_yet", "done"] },
      { p: 0.92, recent: ["done", "not_yet", "partly"] },
      { p: 0.85, recent: ["done", "done", "done"] },
    ]);
    expect(isStepMastered(m, "s1")).toBe(true);
    expect(isStepMastered(m, "s2")).toBe(false);
    expect(isStepMastered(m, "s3")).toBe(false);
    expect(stepMastery(m, "s1")).toMatchObject({ decidedBy: "rule", recentDone: 2 });
  });

  it("remembers mastery: only setbacks on the step itself take it away", () => {
    let m = buildModel([{ p: 0.95, recent: ["done", "done"], mastered: true }, { p: 0.7 }], {
      currentStepId: "s1",
    });
    for (let i = 0; i < 4; i++) {
      m = updateWithAttempt(m, { stepId: "s2", outcome: "not_yet", at: day(i) });
    }
    expect(stepMastery(m, "s1")).toMatchObject({ mastered: true, decidedBy: "rule" });
    m = updateWithAttempt(m, { stepId: "s1", outcome: "not_yet", at: day(5) });
    expect(isStepMastered(m, "s1")).toBe(true); // 2 of the last 3 still done
    m = updateWithAttempt(m, { stepId: "s1", outcome: "not_yet", at: day(6) });
    expect(isStepMastered(m, "s1")).toBe(false);
  });

  it("lets the person override either way, and go back to the rule", () => {
    const m = buildModel([{ p: 0.92, recent: ["done", "done"] }, { p: 0.3 }]);
    const marked = setStepOverride(setStepOverride(m, "s1", "unmastered"), "s2", "mastered");
    expect(isStepMastered(marked, "s1")).toBe(false);
    expect(isStepMastered(marked, "s2")).toBe(true);
    expect(stepMastery(marked, "s2").decidedBy).toBe("override");
    expect(isStepMastered(setStepOverride(marked, "s1", null), "s1")).toBe(true);
  });
});

describe("syncSteps", () => {
  let learned = createLadderModel(steps(90, 60, 30));
  for (let i = 0; i < 6; i++) {
    learned = updateWithAttempt(learned, { stepId: "s2", outcome: "done", at: day(i) });
  }

  it("keeps what was learned for existing steps and places a new one between its neighbours", () => {
    const m = syncSteps(learned, [
      { id: "s1", confidence: 90 },
      { id: "s2", confidence: 60 },
      { id: "new", confidence: null },
      { id: "s3", confidence: 30 },
    ]);
    expect(m.steps.map((s) => s.id)).toEqual(["s1", "s2", "new", "s3"]);
    expect(m.steps[1]).toEqual(learned.steps[1]);
    expect(m.steps[3]).toEqual(learned.steps[2]);
    const d = m.steps.map((s) => s.difficulty);
    expect(d[2]).toBeCloseTo(((d[1] ?? 0) + (d[3] ?? 0)) / 2, 10);
  });

  it("starts a new rated step from its confidence at the current ability, within its neighbours", () => {
    const m = syncSteps(learned, [
      { id: "s1", confidence: 90 },
      { id: "s2", confidence: 60 },
      { id: "s3", confidence: 30 },
      { id: "goal", confidence: 10 },
    ]);
    const goal = m.steps[3];
    expect(goal?.difficulty).toBeCloseTo(m.ability + Math.log(0.9 / 0.1) * rated, 10);
    expect(goal?.variance).toBe(t.stepVarianceRated);
  });

  it("before any attempt, a re-rating moves its step: the prediction is the new rating", () => {
    const m = createLadderModel(steps(90, null, 20));
    const unratedP = predictSuccess(m, "s2");
    const rerated = syncSteps(m, steps(90, 40, 20));
    expect(predictSuccess(rerated, "s2")).toBeCloseTo(0.4, 10);
    expect(predictSuccess(rerated, "s2")).not.toBeCloseTo(unratedP, 2);
    expect(rerated.steps[1]?.rating).toBe(40);
  });

  it("after attempts, re-rating an untried step moves it; a tried step keeps what was learned", () => {
    const m = syncSteps(learned, steps(90, 20, 10));
    expect(m.steps[1]?.difficulty).toBe(learned.steps[1]?.difficulty);
    expect(m.steps[2]?.difficulty).not.toBe(learned.steps[2]?.difficulty);
    expect(m.steps[2]?.rating).toBe(10);
  });

  it("drops archived steps, forgets a current step that is gone, and keeps the order", () => {
    const m = syncSteps(learned, [
      { id: "s3", confidence: 30 },
      { id: "s1", confidence: 90 },
    ]);
    expect(m.currentStepId).toBeNull();
    expect(m.steps.map((s) => s.id)).toEqual(["s3", "s1"]);
    const got = ps(m);
    expect(got[0]).toBeGreaterThanOrEqual(got[1] ?? 1);
    expect(() => parseLadderModel(m)).not.toThrow();
  });
});

describe("parseLadderModel", () => {
  it("accepts a stored model and rejects broken ones, naming the field", () => {
    const m = createLadderModel(steps(80, 40));
    expect(parseLadderModel(JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(() => parseLadderModel({ ...m, version: 4 })).toThrow(ValidationError);
    // Version 2 has today's shape (its numbers from the earlier rule): read as it is.
    expect(parseLadderModel({ ...m, version: 2 })).toEqual(m);
    const swapped = { ...m, steps: [...m.steps].reverse() };
    try {
      parseLadderModel(swapped);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields).toContainEqual({
        path: "steps.1.difficulty",
        message: "must not be lower than the step before",
      });
    }
    expect(() => parseLadderModel({ ...m, currentStepId: "gone" })).toThrow(ValidationError);
    expect(() => parseLadderModel("{}")).toThrow(ValidationError);
  });

  it("never holds −0, which JSON cannot keep: a stored −0 reads back as 0, a −0 rating is 0", () => {
    const m = createLadderModel([
      { id: "s1", confidence: -0 },
      { id: "s2", confidence: 50 },
    ]);
    expect(Object.is(m.steps[0]?.rating, 0)).toBe(true);
    const text = JSON.stringify(m)
      .replace('"ability":0', '"ability":-0')
      .replace(/"practiceGain":[\d.]+/, '"practiceGain":-0')
      .replace('"rating":0', '"rating":-0');
    const back = parseLadderModel(JSON.parse(text));
    expect(Object.is(back.ability, 0)).toBe(true);
    expect(Object.is(back.practiceGain, 0)).toBe(true);
    expect(Object.is(back.steps[0]?.rating, 0)).toBe(true);
    expect(parseLadderModel(JSON.parse(JSON.stringify(back)))).toEqual(back);
  });

  it("upgrades a version-1 model (no variances, no remembered mastery) to today's shape", () => {
    const v1 = {
      version: 1,
      ability: 1,
      abilityEvidence: 4,
      practiceGain: 0.02,
      attempts: 4,
      lastAttemptAt: day(3),
      currentStepId: "s2",
      steps: [
        { id: "s1", difficulty: -2, attempts: 3, recent: ["done", "done", "done"], override: null },
        { id: "s2", difficulty: 1, attempts: 1, recent: ["not_yet"], override: null },
      ],
    };
    const m = parseLadderModel(v1);
    expect(m.version).toBe(LADDER_MODEL_VERSION);
    expect(m.steps[0]).toMatchObject({ mastered: true, rating: null });
    expect(m.steps[1]).toMatchObject({ mastered: false });
    expect(m.abilityVariance).toBeGreaterThan(0);
  });
});
