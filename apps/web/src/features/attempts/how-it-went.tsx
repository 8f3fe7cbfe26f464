import { LabelledField } from "../../ui/labelled-field";
import { localDateTime } from "../../ui/local-time";
import { AttemptScale, OutcomeChoice } from "./attempt-fields";
import type { AttemptDraft, AttemptField } from "./attempt-form";

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
      <AttemptScale
        question="effort"
        name="effort"
        legend="How much effort did it take?"
        value={draft.effort}
        onChange={(v) => change("effort", v)}
        error={problems.effort}
      />
      <AttemptScale
        question="difficulty"
        name="difficulty"
        legend="How hard did it feel?"
        value={draft.difficulty}
        onChange={(v) => change("difficulty", v)}
        error={problems.difficulty}
      />
      <AttemptScale
        question="anxietyAfter"
        name="anxiety-after"
        legend="How anxious do you feel now? (optional)"
        value={draft.anxietyAfter}
        onChange={(v) => change("anxietyAfter", v)}
        error={problems.anxietyAfter}
      />
      <LabelledField
        id="minutes"
        label="Time spent, in minutes (optional)"
        error={problems.minutes}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            class="input-short"
            value={draft.minutes}
            onInput={(e) => change("minutes", e.currentTarget.value)}
          />
        )}
      </LabelledField>
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
      <LabelledField
        id="note"
        label="Note (optional)"
        hint={props.noteHint}
        error={problems.note}
        count={{ length: draft.note.length, limit: 2000 }}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={draft.note}
            onInput={(e) => change("note", e.currentTarget.value)}
          />
        )}
      </LabelledField>
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
        <LabelledField id="when-earlier-at" label="Date and time" error={props.error}>
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              class="input-short"
              value={props.earlierAt}
              min={props.earliest ? localDateTime(props.earliest) : undefined}
              max={localDateTime(new Date())}
              onInput={(e) => props.onEarlierAt(e.currentTarget.value)}
            />
          )}
        </LabelledField>
      )}
    </fieldset>
  );
}
