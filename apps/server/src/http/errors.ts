import {
  CandoError,
  ConflictError,
  type FieldProblem,
  ForbiddenError,
  PayloadTooLargeError,
  RateLimitedError,
  ValidationError,
} from "@cando/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";

export interface ErrorBody {
  error: { code: string; message: string; fields: FieldProblem[] };
}

/** The one place error ids become HTTP status codes. */
export function statusOf(error: CandoError): ContentfulStatusCode {
  if (error instanceof ValidationError) return 400;
  if (error instanceof RateLimitedError) return 429;
  if (error instanceof PayloadTooLargeError) return 413;
  if (error instanceof ConflictError) return 409;
  if (error.code === "unauthenticated" || error.code === "invalid_credentials") return 401;
  if (error.code.endsWith("_not_found") || error.code === "not_found") return 404;
  if (error instanceof ForbiddenError) return 403; // forbidden, csrf_rejected, host_rejected, signup_closed
  return 400;
}

export function fieldsFromZod(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join(".") : "body",
    message: issue.message,
  }));
}

function body(error: CandoError): ErrorBody {
  return { error: { code: error.code, message: error.message, fields: error.fields } };
}

/** Hono's onError: every failure leaves as `{ error: { code, message, fields } }`. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof CandoError) {
    if (err instanceof RateLimitedError) c.header("Retry-After", String(err.retryAfterSeconds));
    return c.json(body(err), statusOf(err));
  }
  if (err instanceof HTTPException) {
    // Raised by Hono's own body parsing: malformed JSON (400) or a non-JSON body (415).
    const status = err.status;
    const message =
      status === 415
        ? "Send the body as JSON with Content-Type: application/json."
        : "The request body is not valid JSON.";
    const code = status === 415 ? "unsupported_media_type" : "validation_failed";
    return c.json(
      { error: { code, message, fields: [{ path: "body", message }] } },
      status === 415 ? 415 : 400,
    );
  }
  console.error("Unhandled error", err);
  return c.json(
    { error: { code: "internal_error", message: "Something went wrong on our side.", fields: [] } },
    500,
  );
}
