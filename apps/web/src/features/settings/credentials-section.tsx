import type { Account } from "@cando/core";
import { PASSWORD_MIN_LENGTH } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { TextField } from "../../ui/text-field";
import { ActionForm } from "./action-form";
import { useAction } from "./use-action";

const PASSWORD_LABELS = { currentPassword: "Current password", newPassword: "New password" };

/** Change the password: the current one first; every other session then ends. */
export function PasswordSection(props: { onChanged: () => void }) {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const action = useAction(PASSWORD_LABELS);

  async function save() {
    const { ended } = await api.post<{ ended: number }>("/api/account/password", {
      currentPassword,
      newPassword,
    });
    setCurrent("");
    setNew("");
    props.onChanged();
    return ended === 0
      ? "Password changed."
      : `Password changed. ${ended} other ${ended === 1 ? "session was" : "sessions were"} logged out.`;
  }

  return (
    <section class="card settings-section" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <ActionForm action={action} run={save} submitLabel="Change password">
        <TextField
          id="current-password"
          label={PASSWORD_LABELS.currentPassword}
          type="password"
          autocomplete="current-password"
          value={currentPassword}
          onInput={setCurrent}
          error={action.fields.currentPassword}
          maxLength={256}
        />
        <TextField
          id="new-password"
          label={PASSWORD_LABELS.newPassword}
          type="password"
          autocomplete="new-password"
          value={newPassword}
          onInput={setNew}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Your other sessions will be logged out.`}
          error={action.fields.newPassword}
          maxLength={256}
        />
      </ActionForm>
    </section>
  );
}

const EMAIL_LABELS = { email: "New email", password: "Password" };

/** Change the email the person logs in with; their password confirms it is them. */
export function EmailSection(props: { account: Account; onSaved: (a: Account) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction(EMAIL_LABELS);

  async function save() {
    const body = await api.post<{ account: Account }>("/api/account/email", { email, password });
    setEmail("");
    setPassword("");
    props.onSaved(body.account);
    return `Your email is now ${body.account.email}.`;
  }

  return (
    <section class="card settings-section" aria-labelledby="email-heading">
      <h2 id="email-heading">Email</h2>
      <p>
        You log in as <strong>{props.account.email}</strong>.
      </p>
      <ActionForm action={action} run={save} submitLabel="Change email">
        <TextField
          id="new-email"
          label={EMAIL_LABELS.email}
          type="email"
          autocomplete="email"
          value={email}
          onInput={setEmail}
          error={action.fields.email}
          maxLength={254}
        />
        <TextField
          id="email-password"
          label={EMAIL_LABELS.password}
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={setPassword}
          error={action.fields.password}
          maxLength={256}
        />
      </ActionForm>
    </section>
  );
}
