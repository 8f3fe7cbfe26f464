import { describe, expect, it } from "vitest";
import { dateFormat, fieldMessage, formatDay, formatDayTime } from "./format";

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

describe("dateFormat", () => {
  it("makes one formatter per locale and options, and keeps it", () => {
    const day = dateFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
    expect(dateFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" })).toBe(day);
    expect(dateFormat("en-US", { dateStyle: "medium", timeZone: "UTC" })).not.toBe(day);
    expect(dateFormat("en-GB", { dateStyle: "medium", timeZone: "Asia/Tokyo" })).not.toBe(day);
    expect(dateFormat("en-GB", { dateStyle: "long", timeZone: "UTC" })).not.toBe(day);
  });

  it("formats the same as a fresh formatter, used again and again", () => {
    const at = "2025-03-05T23:30:00Z";
    for (let i = 0; i < 3; i++) {
      expect(formatDayTime(at, "en-GB", "Asia/Tokyo")).toBe(
        new Intl.DateTimeFormat("en-GB", {
          dateStyle: "medium",
          timeStyle: "short",
          timeZone: "Asia/Tokyo",
        }).format(new Date(at)),
      );
    }
  });
});
