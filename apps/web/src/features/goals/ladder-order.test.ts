import { describe, expect, it } from "vitest";
import { dropIndex, moveAnnouncement, moveItem, reorderedIds } from "./ladder-order";

describe("moveItem", () => {
  it("moves an item up and down without changing the input", () => {
    const items = ["a", "b", "c", "d"];
    expect(moveItem(items, 2, 1)).toEqual(["a", "c", "b", "d"]);
    expect(moveItem(items, 0, 3)).toEqual(["b", "c", "d", "a"]);
    expect(items).toEqual(["a", "b", "c", "d"]);
  });

  it("clamps the target into the list and ignores a missing item", () => {
    expect(moveItem(["a", "b"], 1, -4)).toEqual(["b", "a"]);
    expect(moveItem(["a", "b"], 0, 9)).toEqual(["b", "a"]);
    expect(moveItem(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
});

describe("reorderedIds", () => {
  it("is null when nothing changes", () => {
    expect(reorderedIds(["a", "b"], 1, 1)).toBeNull();
    expect(reorderedIds(["a", "b"], 0, -1)).toBeNull();
    expect(reorderedIds(["a", "b"], 1, 0)).toEqual(["b", "a"]);
  });
});

describe("moveAnnouncement", () => {
  it("names the step and its new place", () => {
    expect(moveAnnouncement("Talk to five", 2, 5)).toBe(
      "Step “Talk to five” moved to position 2 of 5.",
    );
  });
});

describe("dropIndex", () => {
  const middles = [50, 150, 250, 350];
  it("counts the other steps whose middle the pointer has passed", () => {
    expect(dropIndex(middles, 0, 10)).toBe(0);
    expect(dropIndex(middles, 0, 160)).toBe(1);
    expect(dropIndex(middles, 0, 400)).toBe(3);
    expect(dropIndex(middles, 3, 100)).toBe(1);
    expect(dropIndex(middles, 3, 0)).toBe(0);
  });
});
