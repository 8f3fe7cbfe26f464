import { describe, expect, it } from "vitest";
import { modelCalibration } from "./model-calibration";

describe("modelCalibration", () => {
  it("holds back with too few attempts, but still counts them", () => {
    const r = modelCalibration([{ predicted: 0.8, outcome: "done" }]);
    expect(r).toMatchObject({ attempts: 1, enough: false, gap: null });
    expect(r.table[8]).toMatchObject({ bin: 80, count: 1, meanPredicted: 80, successPercent: 100 });
    expect(r.sentence).toContain("from 20");
  });

  it("bins predictions against outcomes, with counts and the average gap", () => {
    const items = [
      ...Array.from({ length: 20 }, (_, i) => ({
        predicted: 0.8,
        outcome: i < 16 ? ("done" as const) : ("not_yet" as const),
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        predicted: 0.35,
        outcome: i < 5 ? ("done" as const) : ("partly" as const),
      })),
    ];
    const r = modelCalibration(items);
    expect(r.enough).toBe(true);
    expect(r.table[8]).toMatchObject({ count: 20, meanPredicted: 80, successPercent: 80 });
    expect(r.table[3]).toMatchObject({ count: 10, meanPredicted: 35, successPercent: 75 });
    // 20/30 · 0 + 10/30 · 40 points
    expect(r.gap).toBeCloseTo(13.3, 1);
    expect(r.sentence).toContain("Over your 30 attempts");
  });
});
