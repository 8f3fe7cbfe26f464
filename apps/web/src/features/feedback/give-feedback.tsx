import type { Feedback } from "@cando/core";
import { feedbackSpecificsNote } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { TextAreaField } from "../../ui/fields";
import "./feedback.css";

export type FeedbackTarget = { attemptId?: string; evidenceId?: string; label: string };

/**
 * A supporter's feedback on one attempt or piece of evidence: it asks for specifics, and notes
 * gently (never blocking) when the words name nothing concrete.
 */
export function GiveFeedback(props: { target: FeedbackTarget }) {
  const key = props.target.attemptId ?? props.target.evidenceId ?? "";
  const id = `feedback-${key}`;
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [sent, setSent] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState(false);
  const note = feedbackSpecificsNote(body);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const res = await api.post<{ feedback: Feedback }>("/api/feedback", {
        ...(props.target.attemptId ? { attemptId: props.target.attemptId } : {}),
        ...(props.target.evidenceId ? { evidenceId: props.target.evidenceId } : {}),
        body,
      });
      setSent(res.feedback);
      setBody("");
      setError(undefined);
      setOpen(false);
    } catch (e) {
      setError(
        e instanceof ApiError && e.fields[0]
          ? `Your feedback ${e.fields[0].message}`
          : errorMessage(e),
      );
      document.getElementById(`${id}-body`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="give-feedback">
      <p class="status-line" role="status">
        {sent ? "Feedback sent." : ""}
      </p>
      {!open ? (
        <button
          type="button"
          class="button button-secondary button-small"
          aria-expanded="false"
          onClick={() => setOpen(true)}
        >
          Give feedback<span class="visually-hidden"> on {props.target.label}</span>
        </button>
      ) : (
        <form
          class="give-feedback-form stack"
          onSubmit={submit}
          noValidate
          aria-busy={busy}
          aria-label={`Feedback on ${props.target.label}`}
        >
          <TextAreaField
            id={`${id}-body`}
            label="What did you see them do?"
            hint="Name a moment, a choice or a number: specific encouragement counts most."
            value={body}
            onInput={setBody}
            maxLength={2000}
            error={error}
            note={note}
          />
          <div class="feedback-actions">
            <button type="submit" class="button button-small" disabled={busy}>
              Send feedback
            </button>
            <button
              type="button"
              class="button button-quiet button-small"
              onClick={() => setOpen(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
