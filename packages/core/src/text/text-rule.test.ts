import { describe, expect, it } from "vitest";
import { textProblem, textProblems } from "./text-rule";

describe("the text rule", () => {
  it("accepts ordinary text, emoji and astral characters", () => {
    expect(textProblem("Give a talk 🎤 to 𝟙𝟘 people — ünïcödé")).toBeNull();
    expect(textProblems({ a: "x", b: ["y", { c: "z" }], n: 3, t: true, u: null })).toEqual([]);
  });

  it("refuses U+0000 and names the field", () => {
    expect(textProblems({ name: "a\u0000b" })).toEqual([
      { path: "name", message: "must not contain the NUL character (U+0000)" },
    ]);
  });

  it("refuses lone surrogates, high or low, but not a proper pair", () => {
    expect(textProblem("a\uD800")).toMatch(/lone surrogate/);
    expect(textProblem("\uDC00a")).toMatch(/lone surrogate/);
    expect(textProblem("\uD83C\uDFA4")).toBeNull();
  });

  it("names nested fields with dotted paths, and keys too", () => {
    expect(textProblems({ ratings: [{ note: "ok" }, { note: "\u0000" }] })).toEqual([
      { path: "ratings.1.note", message: expect.any(String) },
    ]);
    expect(textProblems({ "k\u0000": 1 }).map((p) => p.path)).toEqual(["k\u0000"]);
    expect(textProblems("\u0000")).toEqual([{ path: "body", message: expect.any(String) }]);
  });
});
