import type { Domain, InsightsResponse } from "@cando/core";
import { describe, expect, it } from "vitest";
import {
  anxietyRows,
  attemptsNeeded,
  attemptsNeededText,
  attributionRows,
  auditRows,
  biasRange,
  biasText,
  calibrationHeadline,
  calibrationMeaning,
  calibrationPlotSummary,
  calibrationPoints,
  calibrationRows,
  formatPercent,
  generalitySentence,
  hasTrend,
  insightsApiPath,
  insightsPagePath,
  isEmpty,
  monthLabel,
  pointRadius,
  signedPoints,
  trendSummary,
} from "./insights";

const EMPTY_BINS = Array.from({ length: 10 }, (_, i) => ({
  bin: i * 10,
  count: 0,
  meanConfidence: null,
  successPercent: null,
}));

function insights(overrides: Partial<InsightsResponse> = {}): InsightsResponse {
  return {
    calibration: {
      attempts: 0,
      meanConfidence: null,
      successPercent: null,
      bias: null,
      verdict: "not_enough_data",
      table: EMPTY_BINS,
      byMonth: [],
      sentence: "No attempts with a stated confidence yet.",
    },
    anxiety: {
      attempts: 0,
      high: { count: 0, successPercent: null },
      low: { count: 0, successPercent: null },
      difference: null,
      correlation: null,
      verdict: "not_enough_data",
      sentence: "No attempts with an anxiety rating yet.",
    },
    attribution: [],
    audit: {
      audits: 0,
      firstAt: null,
      previousAt: null,
      latestAt: null,
      domains: [],
      generality: null,
    },
    prediction: {
      attempts: 0,
      enough: false,
      minAttempts: 20,
      table: [],
      gap: null,
      sentence: "Cando has predicted 0 of your attempts so far.",
    },
    preparation: {
      anxietyDrop: {
        attempts: 0,
        meanBefore: null,
        meanAfter: null,
        drop: null,
        enough: false,
        sentence: "",
      },
      routine: {
        withRoutine: { count: 0, successPercent: null },
        without: { count: 0, successPercent: null },
        difference: null,
        enough: false,
        sentence: "",
      },
      nerves: { successes: 0, anxiousSuccesses: 0, highAt: 6, enough: false, sentence: "" },
      ratedBefore: { before: 0, after: 0, unknown: 0, sentence: "" },
    },
    ...overrides,
  };
}

const domain = (id: string, name: string): Domain =>
  ({ id, name, archivedAt: null, position: 0 }) as unknown as Domain;

describe("paths", () => {
  it("keeps the goal filter in the address and the API call", () => {
    expect(insightsApiPath("")).toBe("/api/insights");
    expect(insightsApiPath("g 1")).toBe("/api/insights?goalId=g%201");
    expect(insightsPagePath("")).toBe("/insights");
    expect(insightsPagePath("g1")).toBe("/insights?goalId=g1");
  });
});

describe("numbers", () => {
  it("formats percentages and signed points", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(74.6)).toBe("75%");
    expect(signedPoints(4.6)).toBe("+5");
    expect(signedPoints(-12)).toBe("−12");
    expect(signedPoints(0.2)).toBe("0");
  });

  it("names UTC months", () => {
    expect(monthLabel("2026-11", "en-GB")).toBe("Nov 2026");
    expect(monthLabel("2027-01", "en-GB")).toBe("Jan 2027");
    expect(monthLabel("nonsense", "en-GB")).toBe("nonsense");
  });
});

describe("how many more attempts", () => {
  it("counts down to the ten a verdict needs", () => {
    expect(attemptsNeeded(0)).toBe(10);
    expect(attemptsNeeded(7)).toBe(3);
    expect(attemptsNeeded(12)).toBe(0);
  });

  it("says it in words", () => {
    expect(attemptsNeededText(0)).toBe(
      "You have not yet said how confident you were before an attempt. After 10 attempts with a stated confidence, Cando can tell you whether your belief keeps up with your results.",
    );
    expect(attemptsNeededText(1)).toContain("before 1 attempt. 9 more and Cando");
    expect(attemptsNeededText(9)).toContain("before 9 attempts. 1 more and Cando");
  });
});

describe("calibration verdicts", () => {
  it("has a headline and a meaning for each verdict but not for too little data", () => {
    expect(calibrationHeadline("under_confident")).toBe("Your results are ahead of your belief");
    expect(calibrationMeaning("under_confident")).toContain("imposter pattern");
    expect(calibrationHeadline("over_confident")).toBe("Your belief is ahead of your results");
    expect(calibrationHeadline("calibrated")).toBe("Your belief matches your results");
    expect(calibrationHeadline("not_enough_data")).toBeNull();
    expect(calibrationMeaning("not_enough_data")).toBeNull();
  });

  it("puts the bias in points, below or above", () => {
    expect(biasText(-45)).toBe(
      "On average your stated confidence was 45 points below your success rate.",
    );
    expect(biasText(1)).toBe(
      "On average your stated confidence was 1 point above your success rate.",
    );
    expect(biasText(0.3)).toBe("Your stated confidence matched your success rate.");
    expect(biasText(null)).toBeNull();
  });

  it("lists only the used confidence ranges, the last one up to 100", () => {
    const table = EMPTY_BINS.map((b) =>
      b.bin === 30
        ? { bin: 30, count: 12, meanConfidence: 30, successPercent: 75 }
        : b.bin === 90
          ? { bin: 90, count: 1, meanConfidence: 100, successPercent: 50 }
          : b,
    );
    expect(calibrationRows(table)).toEqual([
      { bin: 30, label: "30–39%", count: 12, stated: "30%", actual: "75%" },
      { bin: 90, label: "90–100%", count: 1, stated: "100%", actual: "50%" },
    ]);
  });

  it("draws a trend from two months, and sums it up for screen readers", () => {
    const month = (m: string, bias: number) => ({
      month: m,
      attempts: 5,
      meanConfidence: 40,
      successPercent: 40 - bias,
      bias,
    });
    const one = insights().calibration;
    expect(hasTrend({ ...one, byMonth: [month("2026-10", -30)] })).toBe(false);
    const byMonth = [month("2026-10", -30), month("2026-11", -8)];
    expect(hasTrend({ ...one, byMonth })).toBe(true);
    expect(trendSummary(byMonth, "en-GB")).toContain(
      "from Oct 2026 (−30 points) to Nov 2026 (−8 points)",
    );
  });

  it("keeps zero inside the chart's range, in tens", () => {
    expect(biasRange([-3, 5])).toEqual([-20, 20]);
    expect(biasRange([-45, 12])).toEqual([-50, 50]);
    expect(biasRange([130])).toEqual([-100, 100]);
  });
});

describe("anxiety and attributions", () => {
  it("gives both anxiety groups with their counts", () => {
    const anxiety = {
      ...insights().anxiety,
      attempts: 12,
      high: { count: 6, successPercent: 66.67 },
      low: { count: 6, successPercent: 100 },
    };
    expect(anxietyRows(anxiety)).toEqual([
      { label: "High (6 or more)", count: 6, success: "67%" },
      { label: "Low (4 or less)", count: 6, success: "100%" },
    ]);
  });

  it("gives one attribution row per month, with a dash when nothing was rated", () => {
    expect(
      attributionRows(
        [
          {
            month: "2026-11",
            debriefs: 4,
            rated: 4,
            adaptive: 3,
            adaptiveShare: 0.75,
            discountedSuccesses: 1,
            fixedAbilitySetbacks: 0,
          },
          {
            month: "2026-12",
            debriefs: 1,
            rated: 0,
            adaptive: 0,
            adaptiveShare: null,
            discountedSuccesses: 0,
            fixedAbilitySetbacks: 0,
          },
        ],
        "en-GB",
      ),
    ).toEqual([
      { month: "2026-11", label: "Nov 2026", rated: 4, adaptive: "75%", discounted: 1, fixed: 0 },
      { month: "2026-12", label: "Dec 2026", rated: 0, adaptive: "—", discounted: 0, fixed: 0 },
    ]);
  });
});

describe("audit summary", () => {
  const domains = [domain("d1", "Career"), domain("d2", "Health")];

  it("names domains in their list order, with changes since previous and first", () => {
    const rows = auditRows(
      {
        ...insights().audit,
        audits: 2,
        domains: [
          {
            domainId: "d2",
            audits: 1,
            latest: 40,
            previous: null,
            first: 40,
            changeSincePrevious: null,
            changeSinceFirst: 0,
          },
          {
            domainId: "d1",
            audits: 2,
            latest: 60,
            previous: 50,
            first: 50,
            changeSincePrevious: 10,
            changeSinceFirst: 10,
          },
          {
            domainId: "gone",
            audits: 2,
            latest: 20,
            previous: 30,
            first: 30,
            changeSincePrevious: -10,
            changeSinceFirst: -10,
          },
        ],
      },
      domains,
    );
    expect(rows.map((r) => [r.name, r.latest, r.sincePrevious, r.sinceFirst])).toEqual([
      ["Career", 60, "+10", "+10"],
      ["Health", 40, "first rating", "first rating"],
      ["A removed domain", 20, "−10", "−10"],
    ]);
  });

  it("reads generality from the spread", () => {
    const g = { domains: 6, mean: 50, sd: 4, range: 10, min: 45, max: 55 };
    expect(generalitySentence(g)).toBe(
      "In your latest audit your ratings over 6 domains run from 45 to 55 (spread 4 points): your belief is fairly even across areas of life.",
    );
    expect(generalitySentence({ ...g, sd: 25, min: 10, max: 90 })).toContain("differs a lot");
    expect(generalitySentence({ ...g, sd: 15 })).toContain("differs somewhat");
    expect(generalitySentence({ ...g, domains: 1 })).toContain("more than one domain");
    expect(generalitySentence(null)).toBeNull();
  });
});

describe("empty state", () => {
  it("is empty only with no attempts, debriefs or audits", () => {
    expect(isEmpty(insights())).toBe(true);
    expect(isEmpty(insights({ audit: { ...insights().audit, audits: 1 } }))).toBe(false);
    expect(isEmpty(insights({ calibration: { ...insights().calibration, attempts: 1 } }))).toBe(
      false,
    );
  });
});

describe("the calibration plot", () => {
  const table = [
    { bin: 30, count: 0, meanConfidence: null, successPercent: null },
    { bin: 40, count: 2, meanConfidence: 42.5, successPercent: 75 },
    { bin: 80, count: 8, meanConfidence: 81.25, successPercent: 87.5 },
  ];

  it("plots each used confidence range at (stated, actual)", () => {
    expect(calibrationPoints(table)).toEqual([
      { stated: 42.5, actual: 75, count: 2 },
      { stated: 81.25, actual: 87.5, count: 8 },
    ]);
  });

  it("sizes circles by area: four times the attempts, twice the radius growth", () => {
    expect(pointRadius(8, 8)).toBe(14);
    expect(pointRadius(2, 8)).toBe(9);
    expect(pointRadius(0, 0)).toBe(4);
  });

  it("says every point in words", () => {
    expect(calibrationPlotSummary(calibrationPoints(table))).toContain(
      "said 43%, succeeded 75% (2 attempts); said 81%, succeeded 88% (8 attempts)",
    );
  });
});
