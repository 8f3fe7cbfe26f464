import type { PlanResponse } from "@cando/core";
import { describe, expect, it } from "vitest";
import { changeSentence, launchSentence, milestoneSentence, planDays } from "./plan-words";

const week: PlanResponse["plan"]["weeks"][number] = {
  week: 1,
  start: "2026-11-22",
  end: "2026-11-28",
  milestone: { stepId: "s2", title: "Step 2", predictedSuccess: 0.734 },
  attempts: [
    { day: "2026-11-23", stepId: "s2", title: "Step 2", kind: "suggested" },
    { day: "2026-11-26", stepId: "s2", title: "Step 2", kind: "planned" },
  ],
  practiceDays: ["2026-11-22", "2026-11-23", "2026-11-25"],
  restDays: ["2026-11-24"],
  reflection: "2026-11-22",
  rerating: null,
};

describe("plan words", () => {
  it("lays a week out as days with what falls on each", () => {
    expect(planDays(week, 30)).toEqual([
      { day: "2026-11-22", items: [{ kind: "practice", minutes: 30 }, { kind: "reflection" }] },
      {
        day: "2026-11-23",
        items: [
          { kind: "attempt", stepId: "s2", title: "Step 2", planned: false },
          { kind: "practice", minutes: 30 },
        ],
      },
      { day: "2026-11-24", items: [{ kind: "rest" }] },
      { day: "2026-11-25", items: [{ kind: "practice", minutes: 30 }] },
      {
        day: "2026-11-26",
        items: [{ kind: "attempt", stepId: "s2", title: "Step 2", planned: true }],
      },
    ]);
  });

  it("frames day 30 as a checkpoint and says what moved and why", () => {
    const plan = { dayNumber: 3 } as PlanResponse["plan"];
    expect(launchSentence(plan, 66)).toMatch(/^Day 3 of 30\. This is a launch.*median of 66 days/);
    expect(
      changeSentence({
        stepId: "s1",
        title: "Step 1",
        fromWeek: 1,
        toWeek: null,
        why: "Mastered.",
      }),
    ).toBe("Step 1: week 1 → not in the plan. Mastered.");
    expect(milestoneSentence(week)).toBe(
      "By the end of this week, have mastered “Step 2” (about 73% likely to succeed now).",
    );
  });
});
