import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { type CalibrationAttempt, calibrateBelief } from "./calibration";
import type { AttemptOutcome } from "./outcome";

function attempts(
  confidence: number,
  outcomes: AttemptOutcome[],
  month = "01",
): CalibrationAttempt[] {
  return outcomes.map((outcome, i) => ({
    at: `2026-${month}-${String(i + 1).padStart(2, "0")}T18:00:00.000Z`,
    confidence,
    outcome,
  }));
}

const times = (n: number, o: AttemptOutcome): AttemptOutcome[] =>
  Array.from({ length: n }, () => o);

describe("calibrateBelief", () => {
  it("finds the imposter pattern: 40% stated, 9 of 12 done", () => {
    const c = calibrateBelief(attempts(40, [...times(9, "done"), ...times(3, "not_yet")]));
    expect(c.meanConfidence).toBe(40);
    expect(c.successPercent).toBe(75);
    expect(c.bias).toBe(-35);
    expect(c.verdict).toBe("under_confident");
    expect(c.sentence).toBe(
      "You said 40% on average before your last 12 attempts and succeeded in 9. Your results are ahead of your belief.",
    );
  });

  it("counts partly as half a success", () => {
    const c = calibrateBelief(
      attempts(50, [...times(4, "done"), ...times(2, "partly"), ...times(4, "not_yet")]),
    );
    expect(c.successPercent).toBe(50);
    expect(c.bias).toBe(0);
    expect(c.verdict).toBe("calibrated");
    expect(c.sentence).toContain("succeeded in 4 and partly succeeded in 2");
  });

  it("puts the verdict thresholds at ±10 points inclusive", () => {
    const half = [...times(5, "done"), ...times(5, "not_yet")];
    expect(calibrateBelief(attempts(40, half)).verdict).toBe("under_confident");
    expect(calibrateBelief(attempts(41, half)).verdict).toBe("calibrated");
    expect(calibrateBelief(attempts(59, half)).verdict).toBe("calibrated");
    expect(calibrateBelief(attempts(60, half)).verdict).toBe("over_confident");
  });

  it("gives no verdict with fewer than 10 attempts, however large the bias", () => {
    const c = calibrateBelief(attempts(10, times(9, "done")));
    expect(c.bias).toBe(-90);
    expect(c.verdict).toBe("not_enough_data");
    expect(c.sentence).toBe(
      "You said 10% on average before your last 9 attempts and succeeded in 9.",
    );
  });

  it("bins confidence in ten 10-point bins, 100 in the top bin", () => {
    const c = calibrateBelief([
      { at: "2026-01-01T00:00:00.000Z", confidence: 0, outcome: "not_yet" },
      { at: "2026-01-02T00:00:00.000Z", confidence: 95, outcome: "done" },
      { at: "2026-01-03T00:00:00.000Z", confidence: 100, outcome: "partly" },
    ]);
    expect(c.table).toHaveLength(10);
    expect(c.table[0]).toEqual({ bin: 0, count: 1, meanConfidence: 0, successPercent: 0 });
    expect(c.table[9]).toEqual({ bin: 90, count: 2, meanConfidence: 97.5, successPercent: 75 });
    expect(c.table[5]).toEqual({ bin: 50, count: 0, meanConfidence: null, successPercent: null });
  });

  it("trends the bias by month", () => {
    const c = calibrateBelief([
      ...attempts(30, times(4, "done"), "02"),
      ...attempts(50, [...times(2, "done"), ...times(2, "not_yet")], "01"),
    ]);
    expect(c.byMonth).toEqual([
      { month: "2026-01", attempts: 4, meanConfidence: 50, successPercent: 50, bias: 0 },
      { month: "2026-02", attempts: 4, meanConfidence: 30, successPercent: 100, bias: -70 },
    ]);
  });

  it("describes only the most recent attempts in the sentence", () => {
    const c = calibrateBelief(attempts(60, times(25, "done")), { sentenceWindow: 12 });
    expect(c.sentence).toContain("before your last 12 attempts and succeeded in 12");
  });

  it("handles no attempts and rejects bad confidence", () => {
    const c = calibrateBelief([]);
    expect(c).toMatchObject({ attempts: 0, bias: null, verdict: "not_enough_data" });
    expect(c.sentence).toBe("No attempts with a stated confidence yet.");
    expect(() =>
      calibrateBelief([{ at: "2026-01-01T00:00:00.000Z", confidence: 101, outcome: "done" }]),
    ).toThrow(ValidationError);
    expect(() => calibrateBelief([{ at: "yesterday", confidence: 50, outcome: "done" }])).toThrow(
      ValidationError,
    );
  });
});
