import type { Evidence, Feedback } from "@cando/core";
import { useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { TextAreaField } from "../../ui/fields";
import { evidencePath } from "../../ui/paths";
import "./feedback.css";

/**
 * The feedback supporters left on one attempt or piece of evidence, for the person it is about:
 * reply, hide, or save it as evidence.
 */
export function FeedbackOnTarget(props: {
  goalId: string;
  attemptId?: string;
  evidenceId?: string;
}) {
  const query = props.attemptId
    ? `attemptId=${encodeURIComponent(props.attemptId)}`
    : `evidenceId=${encodeURIComponent(props.evidenceId ?? "")}`;
  const { state, set } = useLoad(() =>
    api.get<{ feedback: Feedback[] }>(
      `/api/goals/${encodeURIComponent(props.goalId)}/feedback?${query}`,
    ),
  );
  if (state.status !== "ready" || state.data.feedback.length === 0) return null;
  const replace = (next: Feedback) =>
    set({ feedback: state.data.feedback.map((f) => (f.id === next.id ? next : f)) });
  return (
    <section class="card" id="feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Feedback from your supporters</h2>
      <ul class="plain-list feedback-list">
        {state.data.feedback.map((f) => (
          <FeedbackItem key={f.id} feedback={f} onChange={replace} />
        ))}
      </ul>
    </section>
  );
}

function FeedbackItem(props: { feedback: Feedback; onChange: (f: Feedback) => void }) {
  const f = props.feedback;
  const [reply, setReply] = useState(f.reply);
  const [status, setStatus] = useState("");
  const [saved, setSaved] = useState<Evidence | null>(null);
  const id = `fb-${f.id}`;

  async function patch(body: { reply?: string; hidden?: boolean }, said: string) {
    try {
      const res = await api.patch<{ feedback: Feedback }>(
        `/api/feedback/${encodeURIComponent(f.id)}`,
        body,
      );
      props.onChange(res.feedback);
      setStatus(said);
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  async function keep() {
    try {
      const res = await api.post<{ evidence: Evidence; feedback: Feedback }>(
        `/api/feedback/${encodeURIComponent(f.id)}/evidence`,
        {},
      );
      setSaved(res.evidence);
      props.onChange(res.feedback);
      setStatus("Saved in your evidence journal.");
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  return (
    <li class={f.hidden ? "feedback-item feedback-hidden" : "feedback-item"}>
      <p class="feedback-meta">
        <strong>{f.author}</strong>
        <span class="muted">
          {" "}
          · {f.role}
          {f.credibility !== null ? ` · your trust ${f.credibility}` : ""} · on {f.target.label}
        </span>
      </p>
      {f.hidden ? (
        <p class="muted">Hidden.</p>
      ) : (
        <>
          <blockquote class="feedback-body">{f.body}</blockquote>
          {!f.specific && (
            <p class="muted feedback-general">General praise: it names nothing concrete.</p>
          )}
        </>
      )}
      {!f.hidden && (
        <form
          class="feedback-reply"
          onSubmit={(e) => {
            e.preventDefault();
            void patch({ reply }, "Reply saved.");
          }}
        >
          <TextAreaField
            id={`${id}-reply`}
            label="Your reply"
            value={reply}
            onInput={setReply}
            rows={2}
            maxLength={2000}
          />
          <button type="submit" class="button button-secondary button-small">
            Reply<span class="visually-hidden"> to {f.author}</span>
          </button>
        </form>
      )}
      <div class="feedback-actions">
        {!f.hidden && f.savedEvidenceId === null && (
          <button type="button" class="button button-small" onClick={keep}>
            Save as evidence
          </button>
        )}
        {(saved ?? f.savedEvidenceId) && (
          <a href={evidencePath(saved?.id ?? f.savedEvidenceId ?? "")}>In your evidence</a>
        )}
        <button
          type="button"
          class="button button-quiet button-small"
          onClick={() =>
            patch({ hidden: !f.hidden }, f.hidden ? "Feedback shown again." : "Feedback hidden.")
          }
        >
          {f.hidden ? "Show" : "Hide"}
          <span class="visually-hidden"> feedback from {f.author}</span>
        </button>
      </div>
      <p class="status-line" role="status">
        {status}
      </p>
    </li>
  );
}
