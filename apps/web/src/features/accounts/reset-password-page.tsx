import { PASSWORD_MIN_LENGTH } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { ErrorSummary } from "../../ui/feedback";
import { Page } from "../../ui/page";
import { TextField } from "../../ui/text-field";
import { useAction } from "../settings/use-action";

/** The token from `cando user reset-password`'s link: in the fragment, never sent in a request line. */
function tokenFromHash(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token") ?? "";
}

/** Choose a new password with a one-time link; then log in with it. */
export function ResetPasswordPage() {
  const [token] = useState(tokenFromHash);
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const action = useAction({ password: "New password", token: "The link" });

  function submit(event: Event) {
    event.preventDefault();
    void action.run(async () => {
      await api.post("/api/account/reset-password", { token, password });
      setDone(true);
      return "Your new password is set.";
    });
  }

  if (token === "") {
    return (
      <Page title="Choose a new password">
        <p>
          This page needs the whole link you were given. Ask whoever runs this Cando server for a
          new one (<code>cando user reset-password --email …</code>).
        </p>
      </Page>
    );
  }
  return (
    <Page title="Choose a new password">
      {done ? (
        <div class="notice notice-success" role="status">
          <p>
            Your new password is set, and every session was logged out.{" "}
            <a href="/login">Log in with it</a>.
          </p>
        </div>
      ) : (
        <form class="stack" onSubmit={submit} noValidate aria-busy={action.busy}>
          {(action.summary !== null || action.fields.token) && (
            <ErrorSummary key={action.attempt} focus>
              <p>{action.fields.token ?? action.summary}</p>
            </ErrorSummary>
          )}
          <TextField
            id="password"
            label="New password"
            type="password"
            autocomplete="new-password"
            value={password}
            onInput={setPassword}
            hint={`At least ${PASSWORD_MIN_LENGTH} characters, and not a common password.`}
            error={action.fields.password}
            maxLength={256}
          />
          <div>
            <button type="submit" class="button" disabled={action.busy}>
              Set password
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
