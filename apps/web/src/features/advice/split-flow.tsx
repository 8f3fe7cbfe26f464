import type { LadderView } from "@cando/core";
import { useId, useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";

/**
 * The split flow: when the advice is to split, a smaller step is offered right where it goes
 * (before the step that keeps failing), with a suggested confidence; the person names it.
 */
export function SplitFlow(props: {
  goalId: string;
  ladder: LadderView;
  onLadder: (ladder: LadderView, title: string) => void;
}) {
  const id = useId();
  const split = props.ladder.split;
  const [title, setTitle] = useState("");
  const [confidence, setConfidence] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (split === null) return null;
  const index = props.ladder.steps.findIndex((s) => s.id === split.beforeStepId);
  const before = props.ladder.steps[index];
  if (!before) return null;
  const rating = confidence ?? split.suggestedConfidence;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const name = title.trim();
    if (name === "") {
      setProblem("Name the smaller step.");
      document.getElementById(`${id}-title`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const body = await api.post<{ ladder: LadderView }>(
        `/api/goals/${encodeURIComponent(props.goalId)}/steps`,
        { title: name, description: "", confidence: rating, plannedDate: null, position: index },
      );
      setTitle("");
      setProblem(null);
      props.onLadder(body.ladder, name);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card split-flow" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Add a smaller step before “{before.title}”</h3>
      <p class="muted">
        It goes right before “{before.title}”, a real stretch from the step below and a real help
        towards it. Meanwhile, practise the step Cando recommends.
      </p>
      <form class="stack" onSubmit={submit} noValidate aria-busy={busy}>
        {problem !== null && (
          <p class="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        <label for={`${id}-title`}>The smaller step</label>
        <input
          id={`${id}-title`}
          value={title}
          maxLength={200}
          onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
        />
        <label for={`${id}-confidence`}>
          How certain are you that you can do it now? (suggested: {split.suggestedConfidence})
        </label>
        <select
          id={`${id}-confidence`}
          value={String(rating)}
          onChange={(e) => setConfidence(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {Array.from({ length: 11 }, (_, i) => i * 10).map((c) => (
            <option key={c} value={String(c)}>
              {c}
            </option>
          ))}
        </select>
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            Add the smaller step
          </button>
        </div>
      </form>
    </section>
  );
}
