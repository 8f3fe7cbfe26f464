import type { Evidence } from "@cando/core";
import { EVIDENCE_REVIEW_COUNT } from "@cando/core/constants";
import { LabelledField } from "../../ui/labelled-field";
import { NumberScale } from "../../ui/number-scale";
import { ANXIETY_ANCHORS } from "../attempts/attempt-fields";

// The runner's blocks that wait for the person: evidence, rehearsal, warm-up, state check.

export function EvidenceReview(props: { evidence: Evidence[] }) {
  if (props.evidence.length === 0) {
    return (
      <p>
        No evidence in your journal yet. Bring to mind one time you did something a little like
        this, and what it took.
      </p>
    );
  }
  return (
    <>
      <p class="hint">
        {props.evidence.length < EVIDENCE_REVIEW_COUNT
          ? "From"
          : `${EVIDENCE_REVIEW_COUNT} pieces from`}{" "}
        your own evidence: read them slowly. You did these.
      </p>
      <ul class="runner-evidence">
        {props.evidence.map((e) => (
          <li key={e.id} class="card">
            <strong>{e.title}</strong>
            {e.body && <p>{e.body}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function RehearsalBlock(props: { script: string }) {
  return (
    <>
      <p class="hint">
        Close your eyes if you like. See yourself doing it from start to finish, including a moment
        where it gets hard, and how you carry on. Feel it.
      </p>
      {props.script && <blockquote class="runner-script">{props.script}</blockquote>}
    </>
  );
}

export function WarmupBlock(props: { items: string[] }) {
  return (
    <ul class="checklist">
      {props.items.map((item, i) => (
        <li key={`${i}-${item}`}>
          <label>
            <input type="checkbox" />
            <span>{item}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

export type StateValues = { anxiety: number | null; energy: number | null; sleep: string };

export function StateCheck(props: { values: StateValues; onChange: (v: StateValues) => void }) {
  const { values } = props;
  return (
    <>
      <p class="hint">How are you, right now? All optional.</p>
      <NumberScale
        name="state-anxiety"
        legend="How anxious do you feel?"
        min={0}
        max={10}
        anchors={ANXIETY_ANCHORS}
        value={values.anxiety}
        onChange={(anxiety) => props.onChange({ ...values, anxiety })}
        clearable
      />
      <NumberScale
        name="state-energy"
        legend="How much energy do you have?"
        min={0}
        max={10}
        anchors={[
          { value: 0, text: "None" },
          { value: 10, text: "Full" },
        ]}
        value={values.energy}
        onChange={(energy) => props.onChange({ ...values, energy })}
        clearable
      />
      <LabelledField id="state-sleep" label="Hours slept last night">
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="decimal"
            class="input-short"
            value={values.sleep}
            onInput={(e) => props.onChange({ ...values, sleep: e.currentTarget.value })}
          />
        )}
      </LabelledField>
    </>
  );
}
