import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrateBelief } from "./calibration";
import { practiceConsistency } from "./consistency";
import { addDays } from "./days";
import { scoreEfficacyScale } from "./efficacy-scale";
import type { AttemptOutcome } from "./outcome";

const rating = fc.integer({ min: 0, max: 10 }).map((x) => x * 10);
const outcome = fc.constantFrom<AttemptOutcome>("done", "partly", "not_yet");

describe("measure properties", () => {
  it("efficacy scale: level counts rated steps at the cut-off, composite never below it", () => {
    fc.assert(
      fc.property(fc.array(fc.option(rating, { nil: null })), rating, (ratings, cutoff) => {
        const s = scoreEfficacyScale(ratings, { cutoff });
        expect(s.level).toBeLessThanOrEqual(s.rated);
        if (s.composite !== null) expect(s.composite).toBeGreaterThanOrEqual(cutoff);
        if (s.strength !== null && s.composite !== null) {
          expect(s.composite).toBeGreaterThanOrEqual(s.strength);
        }
      }),
    );
  });

  it("calibration: bias stays within ±100 and the table accounts for every attempt", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ confidence: rating, outcome, day: fc.nat({ max: 400 }) })),
        (xs) => {
          const c = calibrateBelief(
            xs.map((x) => ({ ...x, at: `${addDays("2026-01-01", x.day)}T12:00:00.000Z` })),
          );
          if (c.bias !== null) expect(Math.abs(c.bias)).toBeLessThanOrEqual(100);
          expect(c.table.reduce((n, b) => n + b.count, 0)).toBe(xs.length);
          expect(c.byMonth.reduce((n, m) => n + m.attempts, 0)).toBe(xs.length);
        },
      ),
    );
  });

  it("consistency: between 0 and 1, and one more day practised never lowers it", () => {
    const today = "2026-06-30";
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 120 })), fc.nat({ max: 120 }), (back, extra) => {
        const days = back.map((n) => addDays(today, -n));
        const s = practiceConsistency(days, today).score;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(
          practiceConsistency([...days, addDays(today, -extra)], today).score,
        ).toBeGreaterThanOrEqual(s);
      }),
    );
  });
});
