import type { LinkedStep, RoleModel } from "@cando/core";
import { useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { ConfirmPanel } from "../../ui/confirm-panel";
import { SelectField } from "../../ui/fields";
import { TextField } from "../../ui/text-field";
import { didLine, roleModelFacts, stepOptions } from "./role-model-words";

/** One role model: who they are, a gentle nudge when less similar, what they did. */
export function RoleModelCard(props: {
  roleModel: RoleModel;
  linkable: readonly LinkedStep[];
  onChange: (roleModel: RoleModel) => void;
  onDeleted: (roleModel: RoleModel) => void;
}) {
  const m = props.roleModel;
  const [status, setStatus] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `rm-${m.id}`;

  async function removeStep(entryId: string, what: string) {
    try {
      const res = await api.delete<{ roleModel: RoleModel }>(
        `/api/role-model-steps/${encodeURIComponent(entryId)}`,
      );
      props.onChange(res.roleModel);
      setStatus(`“${what}” is removed.`);
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  return (
    <li class="card role-model" id={id}>
      <h3 id={`${id}-heading`}>{m.name}</h3>
      {m.relation !== "" && <p class="role-model-relation">{m.relation}</p>}
      <p class="muted">{roleModelFacts(m).join(" · ")}</p>
      {m.nudge !== null && <p class="notice notice-warning role-model-nudge">{m.nudge}</p>}
      <h4>What they did</h4>
      {m.steps.length === 0 ? (
        <p class="muted">Nothing yet: add a step they took, and link it to one of yours.</p>
      ) : (
        <ul class="plain-list role-model-steps">
          {m.steps.map((s) => (
            <li key={s.id}>
              <span>{didLine(s)}</span>
              {s.step !== null && (
                <span class="role-model-link">
                  {" "}
                  · my step{" "}
                  <a href={`/goals/${encodeURIComponent(s.step.goalId)}#step-${s.step.id}`}>
                    {s.step.title}
                  </a>
                </span>
              )}{" "}
              <button
                type="button"
                class="button button-quiet button-small"
                onClick={() => removeStep(s.id, s.what)}
              >
                Remove<span class="visually-hidden">: {s.what}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddStepForm
        roleModel={m}
        linkable={props.linkable}
        onSaved={(next, what) => {
          props.onChange(next);
          setStatus(`“${what}” is added to ${m.name}.`);
        }}
      />
      <p class="status-line" role="status">
        {status}
      </p>
      {confirming ? (
        <ConfirmPanel
          id={`${id}-delete`}
          heading={`Delete ${m.name}?`}
          confirmLabel="Delete role model"
          busy={busy}
          problem={problem}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            setBusy(true);
            try {
              await api.delete(`/api/role-models/${encodeURIComponent(m.id)}`);
              props.onDeleted(m);
            } catch (error) {
              setProblem(errorMessage(error));
              setBusy(false);
            }
          }}
        >
          <p>What they did goes with them.</p>
        </ConfirmPanel>
      ) : (
        <button
          type="button"
          class="button button-quiet button-small"
          onClick={() => setConfirming(true)}
        >
          Delete<span class="visually-hidden"> {m.name}</span>
        </button>
      )}
    </li>
  );
}

function AddStepForm(props: {
  roleModel: RoleModel;
  linkable: readonly LinkedStep[];
  onSaved: (roleModel: RoleModel, what: string) => void;
}) {
  const id = `rm-${props.roleModel.id}-step`;
  const [what, setWhat] = useState("");
  const [timing, setTiming] = useState("");
  const [stepId, setStepId] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const res = await api.post<{ roleModel: RoleModel }>(
        `/api/role-models/${encodeURIComponent(props.roleModel.id)}/steps`,
        { what, timing, stepId: stepId === "" ? null : stepId },
      );
      props.onSaved(res.roleModel, what.trim());
      setWhat("");
      setTiming("");
      setStepId("");
      setError(undefined);
    } catch (e) {
      setError(
        e instanceof ApiError && e.fields[0]
          ? `${e.fields[0].path === "what" ? "What they did" : e.fields[0].path} ${e.fields[0].message}`
          : errorMessage(e),
      );
      document.getElementById(`${id}-what`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="role-model-step-form"
      onSubmit={submit}
      noValidate
      aria-busy={busy}
      aria-label={`Add what ${props.roleModel.name} did`}
    >
      <TextField
        id={`${id}-what`}
        label="What they did"
        value={what}
        onInput={setWhat}
        maxLength={500}
        error={error}
      />
      <TextField
        id={`${id}-timing`}
        label="When, in their journey"
        hint="“in her third month”"
        value={timing}
        onInput={setTiming}
        maxLength={200}
      />
      <SelectField
        id={`${id}-link`}
        label="It matches my step"
        value={stepId}
        options={stepOptions(props.linkable)}
        onChange={setStepId}
      />
      <button type="submit" class="button button-secondary button-small" disabled={busy}>
        Add step<span class="visually-hidden"> to {props.roleModel.name}</span>
      </button>
    </form>
  );
}
