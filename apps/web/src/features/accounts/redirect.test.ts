import { describe, expect, it } from "vitest";
import { loginPath, retryText, safeNext } from "./redirect";

describe("safeNext", () => {
  it("keeps a path inside the app, with its query", () => {
    expect(safeNext("/history")).toBe("/history");
    expect(safeNext("/audit?from=home")).toBe("/audit?from=home");
  });

  it("goes home for missing, foreign or protocol-relative targets", () => {
    for (const next of [
      undefined,
      null,
      "",
      "history",
      "https://evil.example",
      "//evil.example",
      "/\\evil",
    ]) {
      expect(safeNext(next)).toBe("/");
    }
  });

  it("never sends the person back to the login or sign-up page", () => {
    expect(safeNext("/login")).toBe("/");
    expect(safeNext("/signup?next=/audit")).toBe("/");
  });
});

describe("loginPath", () => {
  it("remembers where the person wanted to go", () => {
    expect(loginPath("/history")).toBe("/login?next=%2Fhistory");
  });

  it("needs no next for home", () => {
    expect(loginPath("/")).toBe("/login");
    expect(loginPath("//evil.example")).toBe("/login");
  });
});

describe("retryText", () => {
  it("speaks in seconds under a minute and rounds minutes up", () => {
    expect(retryText(1)).toBe("Try again in 1 second.");
    expect(retryText(45)).toBe("Try again in 45 seconds.");
    expect(retryText(60)).toBe("Try again in about 1 minute.");
    expect(retryText(61)).toBe("Try again in about 2 minutes.");
  });

  it("falls back to a plain request when the wait is unknown", () => {
    expect(retryText(null)).toBe("Please wait a little, then try again.");
  });
});
