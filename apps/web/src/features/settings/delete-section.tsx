import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { TextField } from "../../ui/text-field";
import { ActionForm } from "./action-form";
import { useAction } from "./use-action";

const LABELS = { password: "Password" };

/** Deleting the account removes everything in it, for good; the password confirms it. */
export function DeleteSection(props: { onDeleted: () => void }) {
  const [password, setPassword] = useState("");
  const action = useAction(LABELS);

  async function remove() {
    await api.post("/api/account/delete", { password });
    props.onDeleted();
    return "Your account is deleted.";
  }

  return (
    <section class="card settings-section settings-danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete your account</h2>
      <p>
        This removes your account and everything in it: audits, goals, ladders, attempts, debriefs,
        evidence and milestones. It cannot be undone. Download your data first if you may want it.
      </p>
      <ActionForm
        action={action}
        run={remove}
        submitLabel="Delete my account and all my data"
        danger
        announce={false}
      >
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
      </ActionForm>
    </section>
  );
}
