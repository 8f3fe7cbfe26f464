/**
 * The one list of errors the app can report, each with a stable id (`code`). The server maps
 * them to HTTP status codes in one place; clients switch on `code`, never on `message`.
 */
export type FieldProblem = { path: string; message: string };

export class CandoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input failed validation; nothing was written. */
export class ValidationError extends CandoError {
  constructor(fields: FieldProblem[], message = "Some fields are not valid.") {
    super("validation_failed", message, fields);
  }
}

/** The thing does not exist *for this caller*: another person's data is reported the same way. */
export class NotFoundError extends CandoError {
  constructor(thing: string) {
    super(`${thing}_not_found`, `That ${thing.replaceAll("_", " ")} does not exist.`);
  }
}

export class UnauthenticatedError extends CandoError {
  constructor(message = "Please log in.") {
    super("unauthenticated", message);
  }
}

/** Login failed; one message whether the email exists or not (no account enumeration). */
export class InvalidCredentialsError extends CandoError {
  constructor() {
    super("invalid_credentials", "That email and password do not match an account.");
  }
}

export class ForbiddenError extends CandoError {
  constructor(code = "forbidden", message = "This request is not allowed.") {
    super(code, message);
  }
}

export class ConflictError extends CandoError {}

export class RateLimitedError extends CandoError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("too_many_attempts", message);
  }
}

export class PayloadTooLargeError extends CandoError {
  constructor(limitBytes: number) {
    super("payload_too_large", `The request body is larger than ${limitBytes} bytes.`, [
      { path: "body", message: `must be at most ${limitBytes} bytes` },
    ]);
  }
}
