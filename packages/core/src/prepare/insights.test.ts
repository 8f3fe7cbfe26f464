import { describe, expect, it } from "vitest";
import { type PrepAttempt, preparationInsights } from "./insights";

const attempt = (over: Partial<PrepAttempt> = {}): PrepAttempt => ({
  outcome: "done",
  anxietyBefore: null,
  anxietyAfter: null,
  confidenceBefore: null,
  confidenceRated: null,
  withRoutine: false,
  ...over,
});

describe("preparationInsights", () => {
  it("says nothing it cannot back: too few attempts", () => {
    const p = preparationInsights([attempt({ anxietyBefore: 7, anxietyAfter: 3 })]);
    expect(p.anxietyDrop).toMatchObject({ attempts: 1, enough: false, drop: 4 });
    expect(p.anxietyDrop.sentence).toContain("1 attempt with anxiety rated both before and after");
    expect(p.routine.enough).toBe(false);
    expect(p.nerves.enough).toBe(false);
  });

  it("states the drop in anxiety with its counts", () => {
    const list = Array.from({ length: 10 }, (_, i) =>
      attempt({ anxietyBefore: 7, anxietyAfter: i % 2 === 0 ? 3 : 4 }),
    );
    const p = preparationInsights(list);
    expect(p.anxietyDrop).toMatchObject({ attempts: 10, enough: true, meanBefore: 7 });
    expect(p.anxietyDrop.drop).toBeCloseTo(3.5);
    expect(p.anxietyDrop.sentence).toBe(
      "Over 10 attempts your anxiety averaged 7 of 10 before and 3.5 after: it fell by 3.5 once you were doing it.",
    );
  });

  it("compares success with and without the routine once each has five", () => {
    const list = [
      ...Array.from({ length: 5 }, () => attempt({ withRoutine: true })),
      ...Array.from({ length: 5 }, (_, i) => attempt({ outcome: i < 2 ? "done" : "not_yet" })),
    ];
    const p = preparationInsights(list);
    expect(p.routine).toMatchObject({
      enough: true,
      withRoutine: { count: 5, successPercent: 100 },
      without: { count: 5, successPercent: 40 },
      difference: 60,
    });
    expect(p.routine.sentence).toMatch(/^100% success over 5 attempts after the routine; 40%/);
    expect(preparationInsights(list.slice(1)).routine.enough).toBe(false);
  });

  it("counts the successes that came with nerves", () => {
    const list = [
      ...Array.from({ length: 7 }, () => attempt({ anxietyBefore: 8 })),
      ...Array.from({ length: 2 }, () => attempt({ anxietyBefore: 2 })),
      attempt({ outcome: "not_yet", anxietyBefore: 9 }),
    ];
    const p = preparationInsights(list);
    expect(p.nerves).toMatchObject({ successes: 9, anxiousSuccesses: 7, enough: true });
    expect(p.nerves.sentence).toBe(
      "In 7 of your 9 successes you rated anxiety 6 or more beforehand: feeling nervous did not stop you.",
    );
  });

  it("says how many confidence ratings were given beforehand", () => {
    const p = preparationInsights([
      attempt({ confidenceBefore: 60, confidenceRated: "before" }),
      attempt({ confidenceBefore: 60, confidenceRated: "after" }),
      attempt({ confidenceBefore: 60, confidenceRated: null }),
      attempt({ confidenceBefore: null, confidenceRated: "after" }),
    ]);
    expect(p.ratedBefore).toMatchObject({ before: 1, after: 1, unknown: 1 });
    expect(p.ratedBefore.sentence).toBe(
      '1 of your 3 confidence ratings was given before the attempt (started with "Start an attempt"); 1 in one go afterwards; 1 from before Cando kept track.',
    );
  });
});
