import { describe, expect, it } from "vitest";
import { localDateTime } from "../../ui/local-time";
import {
  type AttemptDraft,
  anxietyText,
  beliefVsOutcome,
  buildAttemptBody,
  debriefPath,
  EMPTY_ATTEMPT,
  milestoneIdsFrom,
  percent,
  validateAttempt,
} from "./attempt-form";

const now = new Date(2025, 2, 3, 12, 0);
const answered: AttemptDraft = { ...EMPTY_ATTEMPT, outcome: "done", effort: 4, difficulty: 3 };

describe("validateAttempt", () => {
  it("asks for the outcome, effort and how hard it felt; the rest is optional", () => {
    expect(validateAttempt(EMPTY_ATTEMPT, now)).toEqual({
      outcome: "Choose how it went: done, partly or not yet.",
      effort: "Choose how much effort it took, from 1 to 5.",
      difficulty: "Choose how hard it felt, from 1 to 5.",
    });
    expect(validateAttempt(answered, now)).toEqual({});
  });

  it("wants whole minutes from 0 to 1440", () => {
    for (const minutes of ["12.5", "-3", "1441", "ten"]) {
      expect(validateAttempt({ ...answered, minutes }, now).minutes, minutes).toBe(
        "Time spent must be a whole number of minutes, from 0 to 1440.",
      );
    }
    expect(validateAttempt({ ...answered, minutes: " 45 " }, now)).toEqual({});
  });

  it("needs a time that has passed when it happened earlier", () => {
    expect(validateAttempt({ ...answered, when: "earlier", earlierAt: "" }, now).attemptedAt).toBe(
      "Enter the date and time it happened.",
    );
    const later = localDateTime(new Date(2025, 2, 3, 13, 0));
    expect(
      validateAttempt({ ...answered, when: "earlier", earlierAt: later }, now).attemptedAt,
    ).toBe("When cannot be in the future.");
    const before = localDateTime(new Date(2025, 2, 2, 18, 30));
    expect(validateAttempt({ ...answered, when: "earlier", earlierAt: before }, now)).toEqual({});
  });
});

describe("buildAttemptBody", () => {
  it("sends the required answers and the form's idempotency key, nothing unanswered", () => {
    expect(buildAttemptBody(answered, "step-1", "key-12345678")).toEqual({
      stepId: "step-1",
      idempotencyKey: "key-12345678",
      outcome: "done",
      effort: 4,
      difficulty: 3,
    });
  });

  it("sends every optional answer that was given, and an earlier time as an instant", () => {
    const earlier = new Date(2025, 2, 2, 18, 30);
    const body = buildAttemptBody(
      {
        ...answered,
        confidenceBefore: 0,
        anxietyBefore: 7,
        anxietyAfter: 2,
        minutes: "20",
        note: "  projector worked  ",
        when: "earlier",
        earlierAt: localDateTime(earlier),
      },
      "step-1",
      "key-12345678",
    );
    expect(body).toMatchObject({
      confidenceBefore: 0,
      anxietyBefore: 7,
      anxietyAfter: 2,
      minutes: 20,
      note: "projector worked",
      attemptedAt: earlier.toISOString(),
    });
  });

  it("leaves the time to the server for 'just now', even with an old value typed", () => {
    const body = buildAttemptBody(
      { ...answered, when: "now", earlierAt: "2025-01-01T10:00" },
      "s",
      "k".repeat(8),
    );
    expect(body.attemptedAt).toBeUndefined();
  });

  it("refuses a draft that was not validated", () => {
    expect(() => buildAttemptBody(EMPTY_ATTEMPT, "s", "k".repeat(8))).toThrow();
  });
});

describe("after logging", () => {
  it("goes to the debrief, carrying milestones to celebrate", () => {
    expect(debriefPath("a1", [])).toBe("/attempts/a1");
    expect(debriefPath("a1", ["m1", "m2"])).toBe("/attempts/a1?milestone=m1,m2");
    expect(milestoneIdsFrom("m1,m2")).toEqual(["m1", "m2"]);
    expect(milestoneIdsFrom(undefined)).toEqual([]);
    expect(milestoneIdsFrom(" , ")).toEqual([]);
  });
});

describe("the attempt's summary", () => {
  it("sets the confidence held before beside the outcome", () => {
    expect(beliefVsOutcome(40, "done")).toBe("You were 40% certain beforehand, and you did it.");
    expect(beliefVsOutcome(40, "partly")).toBe(
      "You were 40% certain beforehand, and you partly did it.",
    );
    expect(beliefVsOutcome(90, "not_yet")).toBe(
      "You were 90% certain beforehand. Not this time, yet.",
    );
    expect(beliefVsOutcome(null, "done")).toBeNull();
  });

  it("shows anxiety before and after when rated", () => {
    expect(anxietyText(6, 3)).toBe("6 before, 3 after (of 10)");
    expect(anxietyText(0, null)).toBe("0 before (of 10)");
    expect(anxietyText(null, null)).toBeNull();
  });

  it("rounds predictions to whole percents", () => {
    expect(percent(0.725)).toBe("73%");
  });
});
