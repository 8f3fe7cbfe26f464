import { localDateTime } from "../../ui/local-time";
import {
  type AskedScale,
  AttemptScales,
  AttemptTimeField,
  MinutesField,
  NoteField,
  OutcomeChoice,
} from "./attempt-fields";
import type { AttemptDraft, AttemptField } from "./attempt-form";

/** What "How it went" asks on a scale, in its words. */
const AFTER_SCALES: readonly AskedScale[] = [
  { question: "effort", name: "effort", legend: "How much effort did it take?" },
  { question: "difficulty", name: "difficulty", legend: "How hard did it feel?" },
  {
    question: "anxietyAfter",
    name: "anxiety-after",
    legend: "How anxious do you feel now? (optional)",
  },
];

/**
 * "How it went": the after part of an attempt, the same whether it is logged in one go or an
 * attempt in progress is finished. `earliest` bounds "Earlier" (a started attempt cannot have
 * been done before it was started).
 */
export function HowItWent(props: {
  draft: AttemptDraft;
  change: <K extends keyof AttemptDraft>(key: K, value: AttemptDraft[K]) => void;
  problems: Partial<Record<AttemptField, string>>;
  earliest?: Date;
  noteHint?: string;
}) {
  const { draft, change, problems } = props;
  return (
    <section class="card form-section" aria-labelledby="after-heading">
      <h2 id="after-heading">How it went</h2>
      <OutcomeChoice
        value={draft.outcome}
        onChange={(v) => change("outcome", v)}
        error={problems.outcome}
      />
      <AttemptScales asked={AFTER_SCALES} values={draft} onChange={change} problems={problems} />
      <MinutesField
        id="minutes"
        label="Time spent, in minutes (optional)"
        value={draft.minutes}
        onInput={(v) => change("minutes", v)}
        error={problems.minutes}
      />
      <WhenChoice
        when={draft.when}
        earlierAt={draft.earlierAt}
        earliest={props.earliest}
        onWhen={(when) => {
          change("when", when);
          if (when === "earlier" && draft.earlierAt === "") {
            change("earlierAt", localDateTime(new Date()));
          }
        }}
        onEarlierAt={(v) => change("earlierAt", v)}
        error={problems.attemptedAt}
      />
      <NoteField
        id="note"
        label="Note (optional)"
        hint={props.noteHint}
        value={draft.note}
        onInput={(v) => change("note", v)}
        error={problems.note}
      />
    </section>
  );
}

function WhenChoice(props: {
  when: "now" | "earlier";
  earlierAt: string;
  earliest: Date | undefined;
  onWhen: (when: "now" | "earlier") => void;
  onEarlierAt: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset class="when-choice">
      <legend>When did you do it?</legend>
      <div class="choice-row">
        <label class="choice">
          <input
            type="radio"
            name="when"
            value="now"
            checked={props.when === "now"}
            onChange={() => props.onWhen("now")}
          />
          Just now
        </label>
        <label class="choice">
          <input
            type="radio"
            name="when"
            value="earlier"
            id="when-earlier"
            checked={props.when === "earlier"}
            onChange={() => props.onWhen("earlier")}
          />
          Earlier
        </label>
      </div>
      {props.when === "earlier" && (
        <AttemptTimeField
          id="when-earlier-at"
          label="Date and time"
          value={props.earlierAt}
          earliest={props.earliest}
          onInput={props.onEarlierAt}
          error={props.error}
        />
      )}
    </fieldset>
  );
}
