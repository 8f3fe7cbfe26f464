import { describe, expect, it } from "vitest";
import { ApiError, parseApiError } from "./client";

describe("parseApiError", () => {
  it("reads the API's error shape", () => {
    const error = parseApiError(
      400,
      {
        error: {
          code: "validation_failed",
          message: "Some fields are not valid.",
          fields: [{ path: "ratings.0.rating", message: "must be at most 100" }],
        },
      },
      null,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "Some fields are not valid.",
      fields: [{ path: "ratings.0.rating", message: "must be at most 100" }],
      retryAfterSeconds: null,
    });
  });

  it("keeps Retry-After seconds for too_many_attempts", () => {
    const error = parseApiError(
      429,
      { error: { code: "too_many_attempts", message: "Too many attempts.", fields: [] } },
      "120",
    );
    expect(error.retryAfterSeconds).toBe(120);
    expect(error.fields).toEqual([]);
  });

  it("still gives a code when the body is not the API's shape", () => {
    const error = parseApiError(502, null, "soon");
    expect(error).toMatchObject({ status: 502, code: "http_502", retryAfterSeconds: null });
  });

  it("drops malformed field entries", () => {
    const error = parseApiError(
      400,
      { error: { code: "validation_failed", message: "x", fields: [{ path: 1 }, "no"] } },
      null,
    );
    expect(error.fields).toEqual([]);
  });
});
