import { PASSWORD_MIN_LENGTH } from "@cando/core/constants";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError, api, errorMessage } from "../../api/client";
import type { UserResponse } from "../../api/types";
import { ErrorSummary } from "../../ui/feedback";
import { fieldMessage } from "../../ui/format";
import { TextField } from "../../ui/text-field";
import { retryText, safeNext } from "./redirect";
import { useSession } from "./session";

type Mode = "signup" | "login";
type FieldErrors = { email?: string; password?: string };

const LABELS = { email: "Email", password: "Password" } as const;

/** The email-and-password form shared by sign up and log in; only the endpoint and wording differ. */
export function AuthForm(props: { mode: Mode }) {
  const { setUser } = useSession();
  const { query, route } = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const signup = props.mode === "signup";

  // After a failed submit, focus the first field to fix so the error is read out with it.
  useEffect(() => {
    if (attempt === 0) return;
    if (fieldErrors.email) emailInput.current?.focus();
    else if (fieldErrors.password) passwordInput.current?.focus();
  }, [attempt, fieldErrors]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSummary(null);
    setFieldErrors({});
    try {
      // An invitation link's sign-up accepts it too (and is let through a closed server).
      const invitation = signup ? query["invitation"] : undefined;
      const body = await api.post<UserResponse>(signup ? "/api/auth/signup" : "/api/auth/login", {
        email,
        password,
        ...(invitation ? { invitation } : {}),
      });
      setUser(body.user);
      // Someone new starts on the first-run path, unless they were on their way somewhere.
      route(signup && !query["next"] ? "/welcome" : safeNext(query["next"]), true);
      return;
    } catch (error) {
      const next: FieldErrors = {};
      const other: string[] = [];
      if (error instanceof ApiError && error.fields.length > 0) {
        for (const field of error.fields) {
          if (field.path === "email" || field.path === "password") {
            next[field.path] ??= fieldMessage(LABELS[field.path], field.message);
          } else {
            other.push(field.message);
          }
        }
      }
      setFieldErrors(next);
      if (error instanceof ApiError && error.code === "too_many_attempts") {
        // The server's message may already say when; otherwise add it from Retry-After.
        setSummary(
          /try again/i.test(error.message)
            ? error.message
            : `${error.message} ${retryText(error.retryAfterSeconds)}`,
        );
      } else if (error instanceof ApiError && error.code === "email_taken") {
        setFieldErrors({ email: error.message });
      } else if (Object.keys(next).length === 0 || other.length > 0) {
        setSummary(errorMessage(error));
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack" onSubmit={submit} noValidate aria-busy={busy}>
      {summary !== null && (
        <ErrorSummary key={attempt} focus>
          <p>{summary}</p>
        </ErrorSummary>
      )}
      <TextField
        id="email"
        label={LABELS.email}
        type="email"
        autocomplete="email"
        value={email}
        onInput={setEmail}
        error={fieldErrors.email}
        inputRef={emailInput}
        maxLength={254}
        quietCount
      />
      <TextField
        id="password"
        label={LABELS.password}
        type="password"
        autocomplete={signup ? "new-password" : "current-password"}
        value={password}
        onInput={setPassword}
        hint={
          signup
            ? `At least ${PASSWORD_MIN_LENGTH} characters, and not a common password.`
            : undefined
        }
        error={fieldErrors.password}
        inputRef={passwordInput}
        maxLength={256}
        quietCount
      />
      <div>
        <button type="submit" class="button" disabled={busy}>
          {signup ? "Sign up" : "Log in"}
        </button>
      </div>
    </form>
  );
}
