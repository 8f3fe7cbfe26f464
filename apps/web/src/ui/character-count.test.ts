import { describe, expect, it } from "vitest";
import { countState } from "./character-count";

describe("countState", () => {
  it("counts up to the limit", () => {
    expect(countState(0, 200)).toEqual({ text: "0 of 200 characters", over: false, show: true });
    expect(countState(200, 200)).toEqual({
      text: "200 of 200 characters",
      over: false,
      show: true,
    });
  });

  it("says how far over the limit the text is, never cutting it", () => {
    expect(countState(201, 200)).toEqual({
      text: "1 character too many (limit 200)",
      over: true,
      show: true,
    });
    expect(countState(2000, 256, true).text).toBe("1744 characters too many (limit 256)");
  });

  it("keeps a quiet counter hidden until the text nears the limit", () => {
    expect(countState(10, 256, true).show).toBe(false);
    expect(countState(203, 256, true).show).toBe(false);
    expect(countState(204, 256, true).show).toBe(true);
  });
});
