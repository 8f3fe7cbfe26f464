import { describe, expect, it } from "vitest";
import { RoutineInput } from "./schema";

const paths = (input: unknown) => {
  const result = RoutineInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
};

describe("RoutineInput", () => {
  it("accepts every kind of block", () => {
    const parsed = RoutineInput.parse({
      name: "Before a talk",
      blocks: [
        { kind: "breathing", preset: "cyclic_sighing", duration: { unit: "minutes", minutes: 5 } },
        {
          kind: "breathing",
          preset: "custom",
          inhale: 4,
          hold: 2,
          exhale: 8,
          duration: { unit: "cycles", cycles: 10 },
        },
        { kind: "evidence" },
        { kind: "rehearsal", script: "I walk up, look at the room, start slowly", seconds: 120 },
        { kind: "warmup", items: ["water", "notes in order"] },
        { kind: "state_check" },
      ],
    });
    expect(parsed.blocks).toHaveLength(6);
  });

  it("names the field of an exhale of 0 s or of 10 minutes", () => {
    const block = {
      kind: "breathing",
      preset: "custom",
      inhale: 4,
      duration: { unit: "cycles", cycles: 5 },
    };
    expect(paths({ name: "r", blocks: [{ ...block, exhale: 0 }] })).toEqual(["blocks.0.exhale"]);
    expect(paths({ name: "r", blocks: [{ ...block, exhale: 600 }] })).toEqual(["blocks.0.exhale"]);
  });

  it("asks for the person's own seconds, and for cycles or minutes", () => {
    expect(
      paths({
        name: "r",
        blocks: [{ kind: "breathing", preset: "custom", duration: { unit: "cycles", cycles: 3 } }],
      }),
    ).toEqual(["blocks.0.inhale", "blocks.0.exhale"]);
    expect(paths({ name: "r", blocks: [{ kind: "breathing", preset: "box" }] })).toEqual([
      "blocks.0.duration",
    ]);
    expect(
      paths({
        name: "r",
        blocks: [{ kind: "breathing", preset: "box", duration: { unit: "minutes", minutes: 21 } }],
      }),
    ).toEqual(["blocks.0.duration.minutes"]);
  });

  it("refuses unknown blocks, empty routines and too many blocks", () => {
    expect(paths({ name: "r", blocks: [{ kind: "yoga" }] })).toEqual(["blocks.0.kind"]);
    expect(paths({ name: "r", blocks: [] })).toEqual(["blocks"]);
    expect(paths({ name: "r", blocks: Array(11).fill({ kind: "evidence" }) })).toEqual(["blocks"]);
    expect(paths({ name: "r", blocks: [{ kind: "rehearsal", seconds: 5 }] })).toEqual([
      "blocks.0.seconds",
    ]);
  });
});
