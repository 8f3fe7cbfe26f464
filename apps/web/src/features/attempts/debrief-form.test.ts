import { describe, expect, it } from "vitest";
import { buildDebrief } from "../../test-support/attempt-builders";
import {
  CAUSES,
  debriefBody,
  draftFromDebrief,
  openPrompts,
  savedDebriefBody,
  unratedCauses,
} from "./debrief-form";

const LUCK_PROMPT = { flag: "discounted_success" as const, prompt: "Luck may have…" };

describe("the debrief form", () => {
  it("asks about the six causes in the product's order", () => {
    expect(CAUSES).toEqual(["effort", "strategy", "ability", "luck", "help", "easy"]);
  });

  it("starts empty, with every cause unrated", () => {
    const draft = draftFromDebrief(null);
    expect(draft.didWell).toBe("");
    expect(unratedCauses(draft)).toEqual(CAUSES);
  });

  it("starts from the saved debrief; 0 counts as rated", () => {
    const draft = draftFromDebrief(
      buildDebrief({
        attributions: { effort: 0, strategy: 0, ability: 0, luck: 0, help: 0, easy: 0 },
      }),
    );
    expect(unratedCauses(draft)).toEqual([]);
    expect(draft.didWell).toBe("Started on time");
  });

  it("keeps the saved re-attribution and dismissed prompts when the form is saved again", () => {
    const saved = buildDebrief({
      reattribution: "I prepared for it",
      prompts: [{ ...LUCK_PROMPT, dismissed: true }],
    });
    const draft = { ...draftFromDebrief(saved), didWell: "  More than I thought  " };
    expect(debriefBody(draft, saved)).toEqual({
      didWell: "More than I thought",
      capability: "I can prepare",
      differently: "Slow down",
      attributions: saved.attributions,
      reattribution: "I prepared for it",
      dismissedFlags: ["discounted_success"],
    });
  });

  it("refuses to build a body with a cause unrated", () => {
    expect(() => debriefBody(draftFromDebrief(null), null)).toThrow();
  });
});

describe("the re-attribution invitation", () => {
  it("shows only the prompts not set aside", () => {
    const debrief = buildDebrief({
      prompts: [
        { ...LUCK_PROMPT, dismissed: false },
        { flag: "fixed_ability_setback", prompt: "Ability grows…", dismissed: true },
      ],
    });
    expect(openPrompts(debrief).map((p) => p.flag)).toEqual(["discounted_success"]);
    expect(openPrompts(null)).toEqual([]);
  });

  it("saves a second look over the saved debrief, not over unsaved edits", () => {
    const saved = buildDebrief({ prompts: [{ ...LUCK_PROMPT, dismissed: false }] });
    expect(savedDebriefBody(saved, { reattribution: "  I rehearsed twice " })).toMatchObject({
      didWell: "Started on time",
      reattribution: "I rehearsed twice",
      dismissedFlags: [],
    });
  });

  it("adds dismissed flags once", () => {
    const saved = buildDebrief({ prompts: [{ ...LUCK_PROMPT, dismissed: true }] });
    expect(
      savedDebriefBody(saved, { dismiss: ["discounted_success", "fixed_ability_setback"] })
        .dismissedFlags,
    ).toEqual(["discounted_success", "fixed_ability_setback"]);
  });
});
