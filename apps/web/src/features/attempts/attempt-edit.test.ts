import { describe, expect, it } from "vitest";
import { buildAttempt, buildDebrief } from "../../test-support/attempt-builders";
import { localDateTime } from "../../ui/local-time";
import { deletionConsequences, draftFromAttempt, editPatch } from "./attempt-edit";

const now = new Date("2025-03-05T12:00:00.000Z");
const attempt = buildAttempt({
  attemptedAt: "2025-03-03T09:00:27.000Z",
  minutes: 20,
  note: "Went fine",
});

describe("editPatch", () => {
  it("sends nothing for an untouched draft, keeping the stored seconds", () => {
    expect(editPatch(draftFromAttempt(attempt), attempt, now)).toEqual({ patch: {}, problems: {} });
  });

  it("sends only what changed, with cleared answers as null", () => {
    const draft = {
      ...draftFromAttempt(attempt),
      outcome: "not_yet" as const,
      minutes: "",
      anxietyAfter: 7,
      note: "  Lost my place  ",
    };
    expect(editPatch(draft, attempt, now)).toEqual({
      patch: { outcome: "not_yet", minutes: null, anxietyAfter: 7, note: "Lost my place" },
      problems: {},
    });
  });

  it("sends a moved time as an instant, and refuses a future or missing one", () => {
    const moved = new Date("2025-03-04T18:30:00.000Z");
    const draft = { ...draftFromAttempt(attempt), attemptedAt: localDateTime(moved) };
    expect(editPatch(draft, attempt, now).patch).toEqual({ attemptedAt: moved.toISOString() });
    const future = { ...draft, attemptedAt: localDateTime(new Date("2025-03-06T09:00:00Z")) };
    expect(editPatch(future, attempt, now).problems.attemptedAt).toBe(
      "When cannot be in the future.",
    );
    expect(editPatch({ ...draft, attemptedAt: "" }, attempt, now).problems.attemptedAt).toBe(
      "Enter the date and time it happened.",
    );
  });

  it("refuses minutes that are not whole minutes in a day", () => {
    for (const minutes of ["ten", "1441", "2.5"]) {
      const draft = { ...draftFromAttempt(attempt), minutes };
      expect(editPatch(draft, attempt, now).problems.minutes).toMatch(/whole number of minutes/);
    }
  });
});

describe("deletionConsequences", () => {
  it("names the debrief and the evidence that go with an attempt", () => {
    expect(deletionConsequences(attempt, null)).toEqual([]);
    const debriefed = buildAttempt({ debrief: buildDebrief() });
    expect(deletionConsequences(debriefed, "Gave the talk")).toEqual([
      "its debrief",
      "the evidence “Gave the talk” it added to your journal",
    ]);
  });
});
