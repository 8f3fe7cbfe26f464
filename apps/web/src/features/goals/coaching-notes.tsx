import type { CoachingNote } from "@cando/core";

/**
 * Gentle notes on a goal's wording (coachGoal): suggestions, never errors, and never in the way
 * of saving. `live` announces changes politely while the person types.
 */
export function CoachingNotes(props: {
  id: string;
  notes: CoachingNote[];
  live?: boolean;
  heading?: string;
  footer?: string;
}) {
  return (
    <div id={props.id} class="coaching" aria-live={props.live ? "polite" : undefined}>
      {props.notes.length > 0 && (
        <div class="coaching-box">
          <p class="coaching-title">{props.heading ?? "Suggestions on the wording"}</p>
          <ul>
            {props.notes.map((note) => (
              <li key={note.code}>{note.message}</li>
            ))}
          </ul>
          <p class="coaching-footer">
            {props.footer ?? "These are suggestions: you can save the goal as it is."}
          </p>
        </div>
      )}
    </div>
  );
}
