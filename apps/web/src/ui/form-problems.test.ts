import { describe, expect, it } from "vitest";
import { fieldsWithProblems, placeProblems } from "./form-problems";

const labels = { title: "Title", attributions: "Contributions", "attributions.luck": "Luck" };

describe("placeProblems", () => {
  it("puts a problem on its field, phrased with the field's label", () => {
    expect(placeProblems([{ path: "title", message: "is required" }], labels)).toEqual({
      fields: { title: "Title is required." },
      other: [],
    });
  });

  it("uses the longest labelled prefix of a nested path", () => {
    const placed = placeProblems(
      [
        { path: "attributions.luck", message: "must be at most 4" },
        { path: "attributions.help", message: "must be at most 4" },
      ],
      labels,
    );
    expect(placed.fields).toEqual({
      "attributions.luck": "Luck must be at most 4.",
      attributions: "Contributions must be at most 4.",
    });
  });

  it("keeps the first problem per field and sends unknown paths to the summary", () => {
    const placed = placeProblems(
      [
        { path: "title", message: "is required" },
        { path: "title", message: "must be text" },
        { path: "stepId", message: "is archived" },
        { path: "", message: "Something is off." },
      ],
      labels,
    );
    expect(placed.fields).toEqual({ title: "Title is required." });
    expect(placed.other).toEqual(["stepId is archived.", "Something is off."]);
  });

  it("does not treat inherited names as fields", () => {
    expect(placeProblems([{ path: "toString", message: "x" }], labels).other).toEqual([
      "toString: X.",
    ]);
  });
});

describe("fieldsWithProblems", () => {
  it("keeps the form's order", () => {
    expect(fieldsWithProblems(["a", "b", "c"], { c: "x", a: "y" })).toEqual(["a", "c"]);
  });
});
