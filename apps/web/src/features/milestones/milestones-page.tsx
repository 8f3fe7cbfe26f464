import type { Milestone } from "@cando/core";
import { api } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDay } from "../../ui/format";
import { Page } from "../../ui/page";
import { milestonePath } from "../../ui/paths";
import "./milestones.css";

/** Every milestone, newest first, each dated by the attempt that earned it. */
export function MilestonesPage() {
  const { state, reload } = useLoad(() =>
    api.get<{ milestones: Milestone[] }>("/api/milestones").then((b) => b.milestones),
  );
  return (
    <Page title="Milestones">
      {state.status === "loading" && <Loading what="your milestones" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" &&
        (state.data.length === 0 ? (
          <p class="muted">
            No milestones yet. A step is mastered when Cando predicts 90% or more and 2 of your last
            3 attempts at it were done.
          </p>
        ) : (
          <ul class="milestone-list milestones-all">
            {[...state.data]
              .sort((a, b) => (a.achievedAt < b.achievedAt ? 1 : -1))
              .map((m) => (
                <li key={m.id}>
                  <a href={milestonePath(m.id)}>{m.title}</a>
                  <span class="muted">
                    {formatDay(m.achievedAt)} · {m.evidenceIds.length}{" "}
                    {m.evidenceIds.length === 1 ? "piece" : "pieces"} of evidence
                  </span>
                  <span class="milestone-praise">{m.praise}</span>
                </li>
              ))}
          </ul>
        ))}
    </Page>
  );
}
