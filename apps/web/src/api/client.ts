import type { FieldProblem } from "@cando/core";

/** An error answered by the API (or the network), parsed from `{ error: { code, message, fields } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const NETWORK_MESSAGE = "Cannot reach Cando right now. Check your connection and try again.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Builds an ApiError from a failed response's status, parsed body and Retry-After header.
 * Anything that is not the API's error shape (a proxy's HTML page, an empty body) still
 * yields a usable error, so callers can always switch on `code`.
 */
export function parseApiError(status: number, body: unknown, retryAfter: string | null): ApiError {
  const seconds =
    retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null;
  const error = isRecord(body) && isRecord(body["error"]) ? body["error"] : null;
  if (error === null || typeof error["code"] !== "string") {
    return new ApiError(
      status,
      `http_${status}`,
      `Something went wrong (HTTP ${status}).`,
      [],
      seconds,
    );
  }
  const fields: FieldProblem[] = Array.isArray(error["fields"])
    ? error["fields"].flatMap((f: unknown) =>
        isRecord(f) && typeof f["path"] === "string" && typeof f["message"] === "string"
          ? [{ path: f["path"], message: f["message"] }]
          : [],
      )
    : [];
  const message = typeof error["message"] === "string" ? error["message"] : "Something went wrong.";
  return new ApiError(status, error["code"], message, fields, seconds);
}

type UnauthenticatedListener = (error: ApiError) => void;
let onUnauthenticated: UnauthenticatedListener | null = null;

/** Lets the session forget the user when any call finds the session gone (expired, logged out elsewhere). */
export function setUnauthenticatedListener(listener: UnauthenticatedListener | null): void {
  onUnauthenticated = listener;
}

async function request<T>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const init: RequestInit = { method, credentials: "same-origin", headers };
  if (method !== "GET") {
    // The server accepts state changes only as JSON from this origin (its CSRF check).
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "network_error", NETWORK_MESSAGE);
  }
  const text = await response.text().catch(() => "");
  let data: unknown = null;
  if (text !== "") {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = parseApiError(response.status, data, response.headers.get("Retry-After"));
    if (error.code === "unauthenticated") onUnauthenticated?.(error);
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/** A message fit to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Please try again.";
}
