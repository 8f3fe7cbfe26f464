import type { PracticeEntry, PracticeSummary } from "@cando/core";
import { useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { DateField, TextAreaField } from "../../ui/fields";
import { LabelledField } from "../../ui/labelled-field";
import { TextField } from "../../ui/text-field";
import { parseMinutes } from "./practice-words";

type Field = "day" | "minutes" | "what" | "note";
const LABELS: Record<Field, string> = {
  day: "Day",
  minutes: "Minutes",
  what: "What I practised",
  note: "Note",
};

/** Logs deliberate practice on a goal; several entries of one day add up. */
export function PracticeLogForm(props: {
  goalId: string;
  today: string;
  onLogged: (entry: PracticeEntry, practice: PracticeSummary) => void;
}) {
  const [day, setDay] = useState(props.today);
  const [minutes, setMinutes] = useState("");
  const [what, setWhat] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const parsed = parseMinutes(minutes);
    if ("problem" in parsed) {
      setProblems({ minutes: parsed.problem });
      document.getElementById("practice-minutes")?.focus();
      return;
    }
    setBusy(true);
    setStatus("");
    try {
      const res = await api.post<{ entry: PracticeEntry; practice: PracticeSummary }>(
        `/api/goals/${props.goalId}/practice`,
        { day, minutes: parsed.minutes, what, note },
      );
      setProblems({});
      setMinutes("");
      setWhat("");
      setNote("");
      setStatus(`Logged ${res.entry.minutes} minutes.`);
      props.onLogged(res.entry, res.practice);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const next: Partial<Record<Field, string>> = {};
        for (const f of error.fields) {
          const key = f.path as Field;
          if (key in LABELS) next[key] ??= `${LABELS[key]} ${f.message}`;
        }
        setProblems(next);
      } else {
        setStatus(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="practice-form" onSubmit={submit} noValidate aria-labelledby="practice-log-heading">
      <h3 id="practice-log-heading">Log practice</h3>
      <div class="practice-form-row">
        <DateField
          id="practice-day"
          label={LABELS.day}
          value={day}
          onInput={setDay}
          error={problems.day}
        />
        <LabelledField id="practice-minutes" label={LABELS.minutes} error={problems.minutes}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              class="input-short"
              value={minutes}
              onInput={(e) => setMinutes(e.currentTarget.value)}
            />
          )}
        </LabelledField>
      </div>
      <TextField
        id="practice-what"
        label={`${LABELS.what} (optional)`}
        value={what}
        onInput={setWhat}
        maxLength={200}
        error={problems.what}
      />
      <TextAreaField
        id="practice-note"
        label={`${LABELS.note} (optional)`}
        value={note}
        onInput={setNote}
        rows={2}
        maxLength={2000}
        error={problems.note}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          Log practice
        </button>
      </div>
      <p class="status-line" role="status">
        {status}
      </p>
    </form>
  );
}
