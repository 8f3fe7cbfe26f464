import { describe, expect, it } from "vitest";
import { fieldMessage, formatDay } from "./format";

describe("fieldMessage", () => {
  it("reads the API's message on from the field's label, as a sentence", () => {
    expect(fieldMessage("Password", "must be at least 10 characters")).toBe(
      "Password must be at least 10 characters.",
    );
    expect(fieldMessage("Email", "is required.")).toBe("Email is required.");
  });

  it("keeps a message that is its own sentence apart from the label", () => {
    expect(fieldMessage("Name", "you already have a domain with this name")).toBe(
      "Name: You already have a domain with this name.",
    );
    expect(fieldMessage("Target date", "Pick a day that has not passed.")).toBe(
      "Target date: Pick a day that has not passed.",
    );
  });
});

describe("formatDay", () => {
  it("formats the day in the given locale and time zone", () => {
    expect(formatDay("2025-03-05T23:30:00Z", "en-GB", "UTC")).toBe("5 Mar 2025");
    expect(formatDay("2025-03-05T23:30:00Z", "en-GB", "Asia/Tokyo")).toBe("6 Mar 2025");
  });
});
