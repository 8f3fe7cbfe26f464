import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import {
  type AttributionRatings,
  analyzeAttribution,
  attributionTrend,
  CAUSE_DIMENSIONS,
} from "./attribution";

const none: AttributionRatings = { effort: 0, strategy: 0, ability: 0, luck: 0, help: 0, easy: 0 };
const r = (over: Partial<AttributionRatings>): AttributionRatings => ({ ...none, ...over });
const flags = (a: ReturnType<typeof analyzeAttribution>) => a.flags.map((f) => f.flag);

describe("CAUSE_DIMENSIONS", () => {
  it("maps the causes onto Weiner's dimensions", () => {
    expect(CAUSE_DIMENSIONS.effort).toEqual({
      locus: "internal",
      stability: "unstable",
      controllability: "controllable",
    });
    expect(CAUSE_DIMENSIONS.ability).toEqual({
      locus: "internal",
      stability: "stable",
      controllability: "uncontrollable",
    });
    expect(CAUSE_DIMENSIONS.easy).toEqual({
      locus: "external",
      stability: "stable",
      controllability: "uncontrollable",
    });
    expect(CAUSE_DIMENSIONS.help.locus).toBe("external");
    expect(CAUSE_DIMENSIONS.luck.stability).toBe("unstable");
  });
});

describe("analyzeAttribution", () => {
  it("flags a success credited to luck, with a prompt about what the person did", () => {
    const a = analyzeAttribution("done", r({ luck: 4 }));
    expect(flags(a)).toEqual(["discounted_success"]);
    expect(a.flags[0]?.prompt).toContain("Luck may have played a part");
    expect(a.adaptive).toBe(false);
  });

  it("flags a success credited mainly to help, and names help in the prompt", () => {
    const a = analyzeAttribution("done", r({ effort: 1, help: 3, easy: 1 }));
    expect(flags(a)).toEqual(["discounted_success"]);
    expect(a.flags[0]?.prompt).toContain("Getting help is a skill");
  });

  it("does not flag a balanced success (external exactly half) or a faint external one", () => {
    const balanced = r({ effort: 3, strategy: 2, ability: 1, luck: 2, help: 2, easy: 2 });
    expect(flags(analyzeAttribution("done", balanced))).toEqual([]);
    expect(flags(analyzeAttribution("done", r({ luck: 1 })))).toEqual([]);
  });

  it("calls a success owned through effort and strategy adaptive", () => {
    const a = analyzeAttribution("done", r({ effort: 3, strategy: 3, luck: 1 }));
    expect(a.flags).toEqual([]);
    expect(a.adaptive).toBe(true);
  });

  it("does not flag ability credited for a success", () => {
    expect(flags(analyzeAttribution("done", r({ ability: 4 })))).toEqual([]);
  });

  it("flags a setback blamed mainly on ability, with a kind prompt toward what can change", () => {
    const a = analyzeAttribution("not_yet", r({ ability: 4, effort: 1 }));
    expect(flags(a)).toEqual(["fixed_ability_setback"]);
    expect(a.flags[0]?.prompt).toMatch(/preparation, your strategy, the circumstances/);
    expect(a.flags[0]?.prompt).not.toMatch(/should|fault|wrong/i);
    expect(a.adaptive).toBe(false);
  });

  it("does not flag a setback where ability ties another cause or is rated below 3", () => {
    expect(flags(analyzeAttribution("not_yet", r({ ability: 3, effort: 3 })))).toEqual([]);
    expect(flags(analyzeAttribution("not_yet", r({ ability: 2 })))).toEqual([]);
  });

  it("calls a setback put down to effort or strategy adaptive", () => {
    const a = analyzeAttribution("not_yet", r({ effort: 3, strategy: 2, ability: 1 }));
    expect(a.flags).toEqual([]);
    expect(a.adaptive).toBe(true);
  });

  it("checks a partial outcome for both patterns", () => {
    expect(flags(analyzeAttribution("partly", r({ ability: 4 })))).toEqual([
      "fixed_ability_setback",
    ]);
    expect(flags(analyzeAttribution("partly", r({ easy: 3 })))).toEqual(["discounted_success"]);
  });

  it("reports shares on each dimension's first pole, and nothing when all are 0", () => {
    const a = analyzeAttribution("done", r({ effort: 2, luck: 2 }));
    expect(a).toMatchObject({ total: 4, internal: 0.5, stable: 0, controllable: 0.5 });
    expect(analyzeAttribution("done", none)).toMatchObject({
      total: 0,
      internal: null,
      adaptive: null,
      flags: [],
    });
  });

  it("rejects ratings outside 0–4", () => {
    expect(() => analyzeAttribution("done", r({ luck: 5 }))).toThrow(ValidationError);
  });
});

describe("attributionTrend", () => {
  it("gives the share of adaptive attributions per month, ignoring unrated debriefs", () => {
    const trend = attributionTrend([
      { at: "2026-02-03T10:00:00.000Z", outcome: "done", ratings: r({ effort: 4 }) },
      { at: "2026-01-05T10:00:00.000Z", outcome: "done", ratings: r({ luck: 4 }) },
      { at: "2026-01-06T10:00:00.000Z", outcome: "not_yet", ratings: r({ strategy: 3 }) },
      { at: "2026-01-07T10:00:00.000Z", outcome: "not_yet", ratings: r({ ability: 4 }) },
      { at: "2026-01-08T10:00:00.000Z", outcome: "done", ratings: none },
    ]);
    expect(trend).toEqual([
      {
        month: "2026-01",
        debriefs: 4,
        rated: 3,
        adaptive: 1,
        adaptiveShare: 1 / 3,
        discountedSuccesses: 1,
        fixedAbilitySetbacks: 1,
      },
      {
        month: "2026-02",
        debriefs: 1,
        rated: 1,
        adaptive: 1,
        adaptiveShare: 1,
        discountedSuccesses: 0,
        fixedAbilitySetbacks: 0,
      },
    ]);
  });
});
