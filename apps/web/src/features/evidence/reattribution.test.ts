import { ownShare } from "@cando/core/constants";
import { describe, expect, it } from "vitest";
import { buildEvidence } from "../../test-support/attempt-builders";
import { evidenceBadges } from "./evidence-view";
import {
  clampWeight,
  NO_WEIGHTS,
  ownShareSentence,
  validateReattribution,
  WEIGHTS,
} from "./reattribution";

describe("the imposter exercise", () => {
  it("weighs three causes of one's own against three from outside", () => {
    expect(WEIGHTS.filter((w) => w.own).map((w) => w.key)).toEqual(["effort", "skill", "strategy"]);
    expect(WEIGHTS.filter((w) => !w.own).map((w) => w.key)).toEqual(["luck", "help", "timing"]);
  });

  it("needs some weight and a sentence about what it shows", () => {
    expect(validateReattribution(NO_WEIGHTS, " ")).toEqual({
      weights: "Give at least one cause some weight.",
      shows: "Write what this shows about you, in a line or two.",
    });
    expect(validateReattribution({ ...NO_WEIGHTS, luck: 100 }, "I was ready")).toEqual({});
  });

  it("keeps weights whole and within 0–100", () => {
    expect(clampWeight("55")).toBe(55);
    expect(clampWeight("140")).toBe(100);
    expect(clampWeight(-5)).toBe(0);
    expect(clampWeight("abc")).toBe(0);
    expect(clampWeight(12.6)).toBe(13);
  });

  it("shows the same own share the server stores", () => {
    expect(ownShare({ effort: 60, skill: 0, strategy: 0, luck: 40, help: 0, timing: 0 })).toBe(60);
  });

  it("describes the share kindly at every level", () => {
    expect(ownShareSentence(80)).toBe("Most of what produced this was yours.");
    expect(ownShareSentence(50)).toBe("A real part of this was yours.");
    expect(ownShareSentence(10)).toBe("Some of this was yours, and that part counts.");
    expect(ownShareSentence(0)).toMatch(/showing up counts/);
  });
});

describe("evidence badges", () => {
  it("say where it came from and whether it was re-attributed", () => {
    expect(evidenceBadges(buildEvidence({ source: "attempt" }))).toEqual(["From an attempt"]);
    expect(
      evidenceBadges(
        buildEvidence({
          reattribution: {
            weights: { ...NO_WEIGHTS, effort: 50 },
            shows: "x",
            ownShare: 100,
            doneAt: "2025-03-03T10:00:00.000Z",
          },
        }),
      ),
    ).toEqual(["Added by hand", "Re-attributed"]);
  });
});
