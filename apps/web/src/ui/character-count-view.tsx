import { countId, countState } from "./character-count";

/**
 * The visible counter under a field with a length limit. It is named by the control's
 * aria-describedby (read when the field is focused) rather than live, so typing is not
 * interrupted on every key; a hidden live region speaks once when the text crosses the limit.
 */
export function CharacterCount(props: {
  fieldId: string;
  length: number;
  limit: number;
  quiet?: boolean;
}) {
  const state = countState(props.length, props.limit, props.quiet);
  return (
    <>
      {state.show && (
        <p
          class={state.over ? "character-count character-count-over" : "character-count"}
          id={countId(props.fieldId)}
        >
          {state.text}
        </p>
      )}
      <span class="visually-hidden" role="status">
        {state.over ? `Over the limit of ${props.limit} characters.` : ""}
      </span>
    </>
  );
}
