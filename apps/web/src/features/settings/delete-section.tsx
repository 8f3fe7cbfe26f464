import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { ErrorSummary } from "../../ui/feedback";
import { TextField } from "../../ui/text-field";
import { useAction } from "./use-action";

const LABELS = { password: "Password" };

/** Deleting the account removes everything in it, for good; the password confirms it. */
export function DeleteSection(props: { onDeleted: () => void }) {
  const [password, setPassword] = useState("");
  const action = useAction(LABELS);

  function submit(event: Event) {
    event.preventDefault();
    void action.run(async () => {
      await api.post("/api/account/delete", { password });
      props.onDeleted();
      return "Your account is deleted.";
    });
  }

  return (
    <section class="card settings-section settings-danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete your account</h2>
      <p>
        This removes your account and everything in it: audits, goals, ladders, attempts, debriefs,
        evidence and milestones. It cannot be undone. Download your data first if you may want it.
      </p>
      <form class="stack" onSubmit={submit} noValidate aria-busy={action.busy}>
        {action.summary !== null && (
          <ErrorSummary key={action.attempt} focus>
            <p>{action.summary}</p>
          </ErrorSummary>
        )}
        <TextField
          id="delete-password"
          label={LABELS.password}
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={setPassword}
          hint="Type your password to confirm."
          error={action.fields.password}
          maxLength={256}
        />
        <div>
          <button type="submit" class="button button-danger" disabled={action.busy}>
            Delete my account and all my data
          </button>
        </div>
      </form>
    </section>
  );
}
