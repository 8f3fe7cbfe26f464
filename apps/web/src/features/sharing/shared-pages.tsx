import type { SharedGoalSummary, SharedGoalView } from "@cando/core";
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { ApiError, api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { EmptyState } from "../../ui/empty-state";
import { ErrorSummary, LoadError, Loading } from "../../ui/feedback";
import { Page } from "../../ui/page";
import { useSession } from "../accounts/session";
import { GiveFeedback } from "../feedback/give-feedback";
import { SharedGoal } from "./shared-goal-view";
import { sharedSectionsText } from "./shared-sections";
import "./sharing.css";

const ROLE_WORDS = { supporter: "supporter", coach: "coach" } as const;

/** `/shared`: the people and goals shared with me. */
export function SharedListPage() {
  const { state, reload } = useLoad(() =>
    api.get<{ goals: SharedGoalSummary[] }>("/api/shared").then((r) => r.goals),
  );
  return (
    <Page title="Shared with me">
      {state.status === "loading" && <Loading what="what is shared with you" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" &&
        (state.data.length === 0 ? (
          <EmptyState id="shared-empty" title="Nothing is shared with you yet">
            <p>When someone invites you as a supporter or coach, their goal appears here.</p>
          </EmptyState>
        ) : (
          <ul class="shared-people">
            {state.data.map((g) => (
              <li key={g.goalId} class="card">
                <p class="muted">
                  {g.ownerEmail} · you are their {ROLE_WORDS[g.role]}
                </p>
                <a href={`/shared/goals/${encodeURIComponent(g.goalId)}`}>{g.statement}</a>
              </li>
            ))}
          </ul>
        ))}
    </Page>
  );
}

/** `/shared/goals/:goalId`: a shared goal, read-only. */
export function SharedGoalPage() {
  const { params } = useRoute();
  const goalId = params["goalId"] ?? "";
  const { state, reload } = useLoad(() =>
    api.get<SharedGoalView>(`/api/shared/goals/${encodeURIComponent(goalId)}`),
  );
  return (
    <Page title={state.status === "ready" ? state.data.goal.statement : "Shared goal"}>
      {state.status === "loading" && <Loading what="the shared goal" />}
      {state.status === "error" &&
        (state.error instanceof ApiError && state.error.status === 404 ? (
          <p class="notice">
            This goal is not shared with you (or no longer is).{" "}
            <a href="/shared">See what is shared with you</a>
          </p>
        ) : (
          <LoadError error={state.error} retry={reload} />
        ))}
      {state.status === "ready" && (
        <>
          <p class="notice">
            Shared with you by {state.data.ownerEmail}, read-only:{" "}
            {sharedSectionsText(state.data.sections)}.
          </p>
          <SharedGoal view={state.data} act={(target) => <GiveFeedback target={target} />} />
        </>
      )}
    </Page>
  );
}

/** `/goals/:goalId/see-what-they-see/:grantId`: the owner's preview of one grant. */
export function PreviewGrantPage() {
  const { params } = useRoute();
  const goalId = params["goalId"] ?? "";
  const grantId = params["grantId"] ?? "";
  const { state, reload } = useLoad(() =>
    api.get<SharedGoalView>(`/api/grants/${encodeURIComponent(grantId)}/preview`),
  );
  return (
    <Page title="See what they see">
      <p>
        <a href={`/goals/${encodeURIComponent(goalId)}#sharing`}>Back to your goal</a>
      </p>
      {state.status === "loading" && <Loading what="their view" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <>
          <p class="notice">
            Exactly what they see, read-only: {sharedSectionsText(state.data.sections)}.
          </p>
          <SharedGoal view={state.data} />
        </>
      )}
    </Page>
  );
}

/** `/invite/:token`: accept an invitation (after logging in or signing up). */
export function InvitePage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const { user } = useSession();
  const token = params["token"] ?? "";
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const here = `/invite/${encodeURIComponent(token)}`;

  async function accept() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const res = await api.post<{ goalId: string }>("/api/invitations/accept", { token });
      route(`/shared/goals/${encodeURIComponent(res.goalId)}`);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 400
          ? "This invitation link no longer works: it was used, revoked or has expired. Ask for a new one."
          : errorMessage(error),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="An invitation">
      <p class="lead">
        Someone invites you to support them on a goal in Cando. You will see only what they share,
        read-only, and they can stop sharing at any time.
      </p>
      {problem && <ErrorSummary>{problem}</ErrorSummary>}
      {user ? (
        <button type="button" class="button" onClick={accept} disabled={busy}>
          Accept the invitation
        </button>
      ) : (
        <p>
          <a
            class="button"
            href={`/signup?invitation=${encodeURIComponent(token)}&next=${encodeURIComponent("/shared")}`}
          >
            Sign up to accept
          </a>{" "}
          or <a href={`/login?next=${encodeURIComponent(here)}`}>log in</a> if you have an account.
        </p>
      )}
    </Page>
  );
}
