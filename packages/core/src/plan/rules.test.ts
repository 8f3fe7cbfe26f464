import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../engine/days";
import { isoWeekday } from "../reflections/rules";
import { buildPlan, PLAN_DAYS, type PlanFacts, planChanges, planStart } from "./rules";

const step = (id: string, extra: Partial<PlanFacts["steps"][number]> = {}) => ({
  id,
  title: `Step ${id}`,
  mastered: false,
  predictedSuccess: 0.7,
  plannedDate: null,
  ...extra,
});

const base: PlanFacts = {
  today: "2026-12-07",
  start: "2026-12-07",
  steps: [step("a", { mastered: true }), step("b"), step("c"), step("d"), step("e"), step("f")],
  recommendation: { action: "step_up", stepId: "b", reason: "b is within reach" },
  restDays: [],
  reflectionWeekday: 7,
  reratingDay: "2026-12-20",
  practiceMinutes: 30,
};

describe("buildPlan", () => {
  it("gives one milestone a week from the advised step up, over four weeks of 30 days", () => {
    const plan = buildPlan(base);
    expect(plan.start).toBe("2026-12-07");
    expect(plan.end).toBe("2027-01-05");
    expect(plan.weeks.map((w) => w.milestone?.stepId ?? null)).toEqual(["b", "c", "d", "e", null]);
    expect(plan.weeks.map((w) => w.end)).toEqual([
      "2026-12-13",
      "2026-12-20",
      "2026-12-27",
      "2027-01-03",
      "2027-01-05",
    ]);
    expect(plan.weeks[0]?.attempts).toEqual([
      { day: "2026-12-08", stepId: "b", title: "Step b", kind: "suggested" },
      { day: "2026-12-11", stepId: "b", title: "Step b", kind: "suggested" },
    ]);
    expect(plan.weeks[0]?.reflection).toBe("2026-12-13");
    expect(plan.weeks[1]?.rerating).toBe("2026-12-20");
    expect(plan.dayNumber).toBe(1);
  });

  it("starts from a step back or a repeat the engine advises", () => {
    const plan = buildPlan({
      ...base,
      recommendation: { action: "step_back", stepId: "a", reason: "back to a" },
    });
    expect(plan.weeks[0]?.milestone?.stepId).toBe("a");
    expect(plan.weeks[1]?.milestone?.stepId).toBe("b");
  });

  it("puts a step in the week of its planned date and keeps that date as the attempt", () => {
    const steps = base.steps.map((s) => (s.id === "c" ? { ...s, plannedDate: "2026-12-24" } : s));
    const plan = buildPlan({ ...base, steps });
    expect(plan.weeks.map((w) => w.milestone?.stepId ?? null)).toEqual(["b", null, "c", "d", null]);
    expect(plan.weeks[2]?.attempts).toEqual([
      { day: "2026-12-24", stepId: "c", title: "Step c", kind: "planned" },
    ]);
  });

  it("moves suggested attempts and practice off skipped days", () => {
    const plan = buildPlan({ ...base, restDays: ["2026-12-08", "2026-12-09"] });
    expect(plan.weeks[0]?.attempts.map((a) => a.day)).toEqual(["2026-12-10", "2026-12-11"]);
    expect(plan.weeks[0]?.practiceDays).not.toContain("2026-12-08");
    expect(plan.weeks[0]?.restDays).toEqual(["2026-12-08", "2026-12-09"]);
  });

  it("has no milestones once the goal is reached", () => {
    const plan = buildPlan({
      ...base,
      recommendation: { action: "goal_reached", stepId: "f", reason: "done" },
    });
    expect(plan.weeks.every((w) => w.milestone === null)).toBe(true);
  });

  it("keeps its start for 30 days, then launches again", () => {
    expect(planStart(null, "2026-12-07")).toBe("2026-12-07");
    expect(planStart("2026-12-01", "2026-12-30")).toBe("2026-12-01");
    expect(planStart("2026-12-01", "2026-12-31")).toBe("2026-12-31");
  });
});

describe("planChanges", () => {
  it("says what moved when the advice changed, and why", () => {
    const before = buildPlan(base);
    const after = buildPlan({
      ...base,
      recommendation: { action: "repeat", stepId: "a", reason: "a needs another go" },
    });
    const changes = planChanges(before, after, base.steps, new Map());
    expect(changes.find((c) => c.stepId === "a")).toEqual({
      stepId: "a",
      title: "Step a",
      fromWeek: null,
      toWeek: 1,
      why: "The advice changed: a needs another go",
    });
    expect(changes.find((c) => c.stepId === "b")?.toWeek).toBe(2);
    expect(changes.find((c) => c.stepId === "e")?.toWeek).toBeNull();
  });

  it("names a mastered step and a moved planned date", () => {
    const before = buildPlan(base);
    const steps = base.steps.map((s) =>
      s.id === "b"
        ? { ...s, mastered: true }
        : s.id === "d"
          ? { ...s, plannedDate: "2027-01-01" }
          : s,
    );
    const after = buildPlan({
      ...base,
      steps,
      recommendation: { action: "step_up", stepId: "c", reason: "c next" },
    });
    const changes = planChanges(before, after, steps, new Map([["d", null]]));
    expect(changes.find((c) => c.stepId === "b")?.why).toBe("You mastered it: well done.");
    expect(changes.find((c) => c.stepId === "d")?.why).toBe("You planned it for 2027-01-01.");
  });

  it("finds nothing moved in the same plan", () => {
    expect(planChanges(buildPlan(base), buildPlan(base), base.steps, new Map())).toEqual([]);
  });
});

const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays("2026-01-01", n));
const facts = fc
  .record({
    today: day,
    startBack: fc.integer({ min: 0, max: 29 }),
    steps: fc.array(
      fc.record({
        mastered: fc.boolean(),
        predictedSuccess: fc.double({ min: 0, max: 1, noNaN: true }),
        plannedIn: fc.option(fc.integer({ min: -40, max: 60 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 15 },
    ),
    advised: fc.nat(),
    action: fc.constantFrom("repeat", "step_up", "step_back", "split", "goal_reached", "none"),
    rest: fc.array(fc.integer({ min: -5, max: 35 }), { maxLength: 20 }),
    weekday: fc.integer({ min: 1, max: 7 }),
  })
  .map((r): PlanFacts => {
    const steps = r.steps.map((s, i) => ({
      id: `s${i}`,
      title: `Step ${i}`,
      mastered: s.mastered,
      predictedSuccess: s.predictedSuccess,
      plannedDate: s.plannedIn === null ? null : addDays(r.today, s.plannedIn),
    }));
    const advised = steps[r.advised % steps.length];
    return {
      today: r.today,
      start: addDays(r.today, -r.startBack),
      steps,
      recommendation:
        r.action === "none" || !advised
          ? null
          : { action: r.action, stepId: advised.id, reason: "why" },
      restDays: r.rest.map((n) => addDays(r.today, n)),
      reflectionWeekday: r.weekday,
      reratingDay: null,
      practiceMinutes: 30,
    };
  });

describe("buildPlan properties", () => {
  it("keeps every item inside the 30 days, in its week, ahead of today and off rest days", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const plan = buildPlan(f);
        const rest = new Set(f.restDays);
        expect(plan.end).toBe(addDays(plan.start, PLAN_DAYS - 1));
        const days = plan.weeks.flatMap((w) => [...w.practiceDays, ...w.restDays]);
        for (const w of plan.weeks) {
          for (const a of w.attempts) {
            expect(a.day >= w.start && a.day <= w.end).toBe(true);
            expect(a.day >= f.today).toBe(true);
            if (a.kind === "suggested") expect(rest.has(a.day)).toBe(false);
            expect(a.stepId).toBe(w.milestone?.stepId);
          }
          for (const d of w.practiceDays) expect(rest.has(d) || d < f.today).toBe(false);
          if (w.reflection !== null) expect(isoWeekday(w.reflection)).toBe(f.reflectionWeekday);
        }
        expect(new Set(days).size).toBe(days.length);
      }),
    );
  });

  it("never plans a mastered step (except the advised one), each step at most once, in ladder order", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const plan = buildPlan(f);
        const ids = plan.weeks.flatMap((w) => (w.milestone ? [w.milestone.stepId] : []));
        expect(new Set(ids).size).toBe(ids.length);
        const order = ids.map((id) => f.steps.findIndex((s) => s.id === id));
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        for (const id of ids.slice(1)) {
          expect(f.steps.find((s) => s.id === id)?.mastered).toBe(false);
        }
        if (f.recommendation?.action === "goal_reached") expect(ids).toEqual([]);
      }),
    );
  });

  it("reports no change between a plan and itself, and a change for every moved milestone", () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const pa = buildPlan(a);
        expect(planChanges(pa, pa, a.steps, new Map())).toEqual([]);
        const pb = buildPlan({ ...b, start: pa.start, today: a.today });
        const changes = planChanges(pa, pb, b.steps, new Map());
        for (const c of changes) {
          expect(c.fromWeek !== c.toWeek || c.fromWeek !== null).toBe(true);
          expect(c.why.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
