import { describe, expect, it } from "vitest";
import { buildAttempt } from "../../test-support/attempt-builders";
import { buildStep } from "../../test-support/builders";
import { predictionHistory, predictionSummary } from "./prediction-history";

describe("predictionHistory", () => {
  const one = buildStep({ id: "s1", title: "Explain to a colleague", predictedSuccess: 0.93 });
  const two = buildStep({ id: "s2", title: "Stand-up update", predictedSuccess: 0.84 });
  const three = buildStep({ id: "s3", title: "Team talk", predictedSuccess: 0.4 });
  const attempts = [
    buildAttempt({ stepId: "s2", attemptedAt: "2026-11-10T10:00:00.000Z", predictedSuccess: 0.55 }),
    buildAttempt({ stepId: "s1", attemptedAt: "2026-11-01T10:00:00.000Z", predictedSuccess: 0.7 }),
    buildAttempt({ stepId: "s2", attemptedAt: "2026-11-20T10:00:00.000Z", predictedSuccess: 0.7 }),
    buildAttempt({
      stepId: "gone",
      attemptedAt: "2026-11-21T10:00:00.000Z",
      predictedSuccess: 0.5,
    }),
    buildAttempt({ stepId: "s1", attemptedAt: "2026-11-22T10:00:00.000Z", predictedSuccess: null }),
  ];
  const history = predictionHistory(attempts, [one, two, three], "2026-12-07T10:00:00.000Z");
  const at = (iso: string) => Date.parse(iso) / 1000;

  it("keeps the attempted steps still on the ladder, from the predictions stored with attempts", () => {
    expect(history.steps.map((s) => [s.title, s.first, s.latest, s.now, s.attempts])).toEqual([
      ["Explain to a colleague", 70, 70, 93, 1],
      ["Stand-up update", 55, 70, 84, 2],
    ]);
  });

  it("aligns every step's points on one time axis that ends now", () => {
    expect(history.xs).toEqual([
      at("2026-11-01T10:00:00.000Z"),
      at("2026-11-10T10:00:00.000Z"),
      at("2026-11-20T10:00:00.000Z"),
      at("2026-11-21T10:00:00.000Z"),
      at("2026-12-07T10:00:00.000Z"),
    ]);
    expect(history.series).toEqual([
      [70, null, null, null, 93],
      [null, 55, 70, null, 84],
    ]);
  });

  it("says the same in words", () => {
    expect(predictionSummary(history)).toContain(
      "Stand-up update: 55% at its first attempt, 84% now",
    );
  });
});
