import type { InsightsResponse } from "@cando/core";

/** What anxiety really predicts, and when confidence was rated: the person's own evidence. */
export function PreparationSection(props: { preparation: InsightsResponse["preparation"] }) {
  const p = props.preparation;
  return (
    <section class="card insights-section" aria-labelledby="preparation-heading">
      <h2 id="preparation-heading">Before and after: your state</h2>
      <p class="muted">
        From your own attempts. The routine is a way to manage your state before a performance, not
        a treatment; these are what has happened so far, not a promise.
      </p>
      <ul>
        <li>{p.anxietyDrop.sentence}</li>
        <li>{p.nerves.sentence}</li>
        <li>{p.routine.sentence}</li>
        <li>{p.ratedBefore.sentence}</li>
      </ul>
      {p.ratedBefore.after + p.ratedBefore.unknown > 0 && (
        <p class="muted insights-note">
          Confidence rated just before an attempt is the real test of belief; rated afterwards, the
          outcome colours it. "Start an attempt" saves the rating before you begin.
        </p>
      )}
    </section>
  );
}
