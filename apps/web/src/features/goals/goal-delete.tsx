import type { Goal, GoalContents } from "@cando/core";
import { confirmsGoalName } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, errorMessage } from "../../api/client";
import { ConfirmPanel } from "../../ui/confirm-panel";
import { TextField } from "../../ui/text-field";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What deleting the goal takes with it, in words. */
export function goalContentsText(c: GoalContents): string {
  return [
    plural(c.steps, "step", "steps"),
    `${plural(c.attempts, "attempt", "attempts")} with their debriefs`,
    plural(c.evidence, "piece of evidence", "pieces of evidence"),
    plural(c.milestones, "milestone", "milestones"),
    plural(c.practiceEntries, "practice entry", "practice entries"),
  ].join(", ");
}

/**
 * Deleting a goal for good, with everything under it. No undo: the person types the goal's name
 * first, so it cannot happen by a slip.
 */
export function DeleteGoal(props: { goal: Goal }) {
  const { route } = useLocation();
  const [asking, setAsking] = useState(false);
  const [contents, setContents] = useState<GoalContents | null>(null);
  const [typed, setTyped] = useState("");
  const [mismatch, setMismatch] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = encodeURIComponent(props.goal.id);

  function open() {
    setAsking(true);
    setTyped("");
    setMismatch(undefined);
    setProblem(null);
    api
      .get<{ contents: GoalContents }>(`/api/goals/${id}/contents`)
      .then((body) => setContents(body.contents))
      .catch(() => setContents(null));
  }

  async function confirm() {
    if (!confirmsGoalName(typed, props.goal.statement)) {
      setMismatch("Type the goal exactly as it is written, to confirm.");
      document.getElementById("delete-goal-name")?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await api.delete(`/api/goals/${id}`);
      route("/goals?deleted=1");
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="delete-goal-heading">
      <h2 id="delete-goal-heading">Delete this goal</h2>
      {asking ? (
        <ConfirmPanel
          id="delete-goal"
          heading="Delete this goal and everything under it?"
          confirmLabel="Delete goal for good"
          busy={busy}
          problem={problem}
          onConfirm={confirm}
          onCancel={() => setAsking(false)}
        >
          <p>
            This deletes the goal
            {contents !== null ? ` with ${goalContentsText(contents)}` : " with its ladder"}.
            Evidence you entered that is not tied to this goal stays. This cannot be undone.
          </p>
          <TextField
            id="delete-goal-name"
            label={`To confirm, type the goal: “${props.goal.statement}”`}
            value={typed}
            onInput={(v) => {
              setTyped(v);
              setMismatch(undefined);
            }}
            error={mismatch}
            autocomplete="off"
          />
        </ConfirmPanel>
      ) : (
        <>
          <p class="hint">
            Set up by mistake, or no longer wanted? You can also pause or drop it above and keep its
            history.
          </p>
          <button type="button" class="button button-quiet" onClick={open}>
            Delete goal…
          </button>
        </>
      )}
    </section>
  );
}
