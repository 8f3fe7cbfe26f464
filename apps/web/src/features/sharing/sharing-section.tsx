import type { Grant, Invitation, SharingRole } from "@cando/core";
import { useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { ErrorSummary, LoadError, Loading } from "../../ui/feedback";
import { SelectField } from "../../ui/fields";
import { NumberScale } from "../../ui/number-scale";
import { TextField } from "../../ui/text-field";
import "./sharing.css";

const SECTIONS = [
  ["debriefs", "Debriefs"],
  ["evidence", "Evidence"],
  ["audits", "Audits"],
  ["reflections", "Reflections"],
] as const;

const ROLES = [
  { value: "supporter", label: "Supporter (a friend, mentor, partner)" },
  { value: "coach", label: "Coach (a professional)" },
];

type Sharing = { invitations: Invitation[]; grants: Grant[] };

async function loadSharing(goalId: string): Promise<Sharing> {
  const id = encodeURIComponent(goalId);
  const [invitations, grants] = await Promise.all([
    api.get<{ invitations: Invitation[] }>(`/api/invitations?goalId=${id}`),
    api.get<{ grants: Grant[] }>(`/api/goals/${id}/grants`),
  ]);
  return { invitations: invitations.invitations, grants: grants.grants };
}

/**
 * The goal page's sharing: invite by link, see who accepted, what each sees, revoke. Folded until
 * opened, and only then loaded, so the goal page costs no more for a person who shares nothing.
 */
export function SharingSection(props: { goalId: string }) {
  const [open, setOpen] = useState(() => window.location.hash === "#sharing");
  return (
    <section class="card sharing" id="sharing" aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">Supporters and coaches</h2>
      <p class="hint">
        They see the goal, ladder, outcomes and next step, read-only; anything more only when you
        switch it on. You can revoke at any time.
      </p>
      <details
        class="disclosure"
        open={open}
        onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>Invite someone, or see who sees this goal</summary>
        <div class="disclosure-body">{open && <SharingBody goalId={props.goalId} />}</div>
      </details>
    </section>
  );
}

function SharingBody(props: { goalId: string }) {
  const { state, reload } = useLoad(() => loadSharing(props.goalId));
  const [status, setStatus] = useState("");
  return (
    <>
      <p class="status-line" role="status">
        {status}
      </p>
      <InviteForm goalId={props.goalId} onInvited={reload} />
      {state.status === "loading" && <Loading what="who this goal is shared with" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <>
          <GrantList
            grants={state.data.grants}
            goalId={props.goalId}
            onChanged={(message) => {
              setStatus(message);
              reload();
            }}
          />
          <InvitationList
            invitations={state.data.invitations}
            onChanged={(message) => {
              setStatus(message);
              reload();
            }}
          />
        </>
      )}
    </>
  );
}

function InviteForm(props: { goalId: string; onInvited: () => void }) {
  const [label, setLabel] = useState("");
  const [role, setRole] = useState<SharingRole>("supporter");
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const made = await api.post<{ token: string }>("/api/invitations", {
        goalId: props.goalId,
        role,
        label,
      });
      setLink(`${window.location.origin}/invite/${made.token}`);
      setLabel("");
      props.onInvited();
    } catch (e) {
      setError(
        e instanceof ApiError && e.fields[0]?.path === "label"
          ? `Who it is for ${e.fields[0].message}.`
          : errorMessage(e),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="invite-form" onSubmit={submit} noValidate>
      {error && <ErrorSummary>{error}</ErrorSummary>}
      <TextField
        id="invite-label"
        label="Who is it for?"
        hint="Your words, e.g. “Maya, my mentor”"
        value={label}
        onInput={setLabel}
        maxLength={80}
      />
      <SelectField
        id="invite-role"
        label="As"
        value={role}
        options={ROLES}
        onChange={(v) => setRole(v as SharingRole)}
      />
      <button type="submit" class="button button-secondary" disabled={busy}>
        Make an invitation link
      </button>
      {link && (
        <div class="field invite-link">
          <label for="invite-link">Invitation link: send it to them (single use, 7 days)</label>
          <input
            id="invite-link"
            class="control"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </form>
  );
}

function GrantList(props: {
  grants: Grant[];
  goalId: string;
  onChanged: (message: string) => void;
}) {
  const live = props.grants.filter((g) => g.revokedAt === null);
  const revoked = props.grants.filter((g) => g.revokedAt !== null);
  if (props.grants.length === 0) return null;
  return (
    <>
      <h3>Shared with</h3>
      <ul class="grant-list">
        {live.map((g) => (
          <GrantItem key={g.id} grant={g} goalId={props.goalId} onChanged={props.onChanged} />
        ))}
      </ul>
      {revoked.length > 0 && (
        <p class="muted">
          Revoked: {revoked.map((g) => `${g.label} (${g.supporterEmail})`).join(", ")}
        </p>
      )}
    </>
  );
}

function GrantItem(props: { grant: Grant; goalId: string; onChanged: (m: string) => void }) {
  const { grant } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const change = async (body: Record<string, unknown>, message: string) => {
    setProblem(null);
    try {
      await api.patch(`/api/grants/${encodeURIComponent(grant.id)}`, body);
      props.onChanged(message);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const who = `${grant.label} (${grant.supporterEmail})`;
  return (
    <li class="grant">
      <p>
        <strong>{grant.label}</strong> · {grant.supporterEmail} · {grant.role}
      </p>
      {problem && <ErrorSummary>{problem}</ErrorSummary>}
      <fieldset>
        <legend>Also share with {grant.label}</legend>
        {SECTIONS.map(([key, title]) => (
          <label class="check" key={key}>
            <input
              type="checkbox"
              checked={grant.sections[key]}
              onChange={(e) =>
                change(
                  { [key]: e.currentTarget.checked },
                  `${title} ${e.currentTarget.checked ? "now shared with" : "no longer shared with"} ${who}.`,
                )
              }
            />{" "}
            {title}
          </label>
        ))}
      </fieldset>
      <NumberScale
        name={`credibility-${grant.id}`}
        legend={`How much do you trust ${grant.label}'s judgement on this goal?`}
        min={0}
        max={100}
        step={10}
        value={grant.credibility}
        clearable
        onChange={(value) => change({ credibility: value }, `Credibility of ${who} saved.`)}
      />
      <p class="grant-actions">
        <a
          class="button button-secondary button-small"
          href={`/goals/${encodeURIComponent(props.goalId)}/see-what-they-see/${encodeURIComponent(grant.id)}`}
        >
          See what {grant.label} sees
        </a>{" "}
        <button
          type="button"
          class="button button-danger button-small"
          onClick={async () => {
            try {
              await api.delete(`/api/grants/${encodeURIComponent(grant.id)}`);
              props.onChanged(`${who} no longer sees this goal.`);
            } catch (e) {
              setProblem(errorMessage(e));
            }
          }}
        >
          Revoke {grant.label}
        </button>
      </p>
    </li>
  );
}

const STATUS_WORDS = {
  pending: "waiting",
  accepted: "accepted",
  revoked: "revoked",
  expired: "expired",
} as const;

function InvitationList(props: {
  invitations: Invitation[];
  onChanged: (message: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  if (props.invitations.length === 0) return null;
  return (
    <>
      <h3>Invitations</h3>
      {problem && <ErrorSummary>{problem}</ErrorSummary>}
      <ul class="invitation-list">
        {props.invitations.map((i) => (
          <li key={i.id}>
            {i.label} · {i.role} · {STATUS_WORDS[i.status]}
            {i.acceptedBy && ` by ${i.acceptedBy}`}
            {i.status === "pending" && (
              <>
                {" "}
                <button
                  type="button"
                  class="button button-quiet button-small"
                  onClick={async () => {
                    try {
                      await api.delete(`/api/invitations/${encodeURIComponent(i.id)}`);
                      props.onChanged(`The invitation for ${i.label} is revoked.`);
                    } catch (e) {
                      setProblem(errorMessage(e));
                    }
                  }}
                >
                  Revoke invitation for {i.label}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
