import { describe, expect, it } from "vitest";
import { buildEvidence } from "../../test-support/attempt-builders";
import {
  draftFromEvidence,
  emptyEvidence,
  evidenceInput,
  evidencePatch,
  validateEvidence,
} from "./evidence-form";

const today = "2025-03-10";

describe("validateEvidence", () => {
  it("asks for a title and how much was one's own doing", () => {
    expect(validateEvidence(emptyEvidence("career", "", today), today)).toEqual({
      title: "Give it a short title.",
      ownership: "Choose how much of it was your own doing, from 0 to 100.",
    });
  });

  it("checks the domain, the date and the lengths", () => {
    const draft = {
      ...emptyEvidence("", "", "2025-03-11"),
      title: "x".repeat(201),
      body: "y".repeat(4001),
      ownership: 50,
    };
    expect(validateEvidence(draft, today)).toEqual({
      domainId: "Choose the domain it belongs to.",
      title: "Title must be at most 200 characters.",
      body: "What happened must be at most 4000 characters.",
      occurredOn: "Date cannot be in the future.",
    });
    expect(validateEvidence({ ...draft, occurredOn: "2025-02-30" }, today).occurredOn).toBe(
      "Enter the date it happened.",
    );
  });
});

describe("evidenceInput", () => {
  it("sends the trimmed accomplishment, with a goal only when chosen", () => {
    const draft = {
      ...emptyEvidence("career", "", today),
      title: "  Ran the workshop ",
      body: " For 8 people. ",
      ownership: 70,
    };
    expect(evidenceInput(draft)).toEqual({
      domainId: "career",
      title: "Ran the workshop",
      body: "For 8 people.",
      occurredOn: today,
      ownership: 70,
    });
    expect(evidenceInput({ ...draft, goalId: "talk" }).goalId).toBe("talk");
  });
});

describe("evidencePatch", () => {
  const original = buildEvidence({ title: "Ran the workshop", body: "", ownership: 70 });

  it("sends only what changed", () => {
    const draft = {
      ...draftFromEvidence(original),
      title: "Ran the whole workshop",
      ownership: 80,
    };
    expect(evidencePatch(original, draft)).toEqual({
      title: "Ran the whole workshop",
      ownership: 80,
    });
  });

  it("is null when nothing changed (whitespace aside)", () => {
    expect(evidencePatch(original, { ...draftFromEvidence(original), body: "  " })).toBeNull();
  });
});
