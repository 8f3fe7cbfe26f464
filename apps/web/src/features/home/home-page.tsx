import { api } from "../../api/client";
import type { AuditListResponse, DomainListResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDay } from "../../ui/format";
import { Page } from "../../ui/page";
import { dueNotice, latestRatings } from "./due-notice";

export function HomePage() {
  const { state, reload } = useLoad(() =>
    Promise.all([
      api.get<AuditListResponse>("/api/audits"),
      api.get<DomainListResponse>("/api/domains"),
    ]),
  );

  return (
    <Page title="Home" heading="Welcome to Cando">
      <p class="lead">
        Self-efficacy is your belief that you can succeed at <em>this</em> specific thing, here: not
        how you feel about yourself in general. It is built on purpose, one step at a time, and it
        starts with knowing where you stand.
      </p>
      {state.status === "loading" && <Loading what="your audits" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && <HomeBody audits={state.data[0]} domains={state.data[1]} />}
    </Page>
  );
}

function HomeBody(props: { audits: AuditListResponse; domains: DomainListResponse }) {
  const notice = dueNotice(props.audits.due, (iso) => formatDay(iso));
  const latest = latestRatings(props.audits.audits, props.domains.domains);
  return (
    <>
      <section
        class={notice.due ? "card due-card due-card-due" : "card due-card"}
        aria-labelledby="due-heading"
      >
        <h2 id="due-heading">{notice.due ? "Audit due" : "Monthly audit"}</h2>
        <p class="due-message">{notice.message}</p>
        <a class={notice.due ? "button" : "button button-secondary"} href="/audit">
          {notice.action}
        </a>
      </section>
      {latest !== null && (
        <section class="card" aria-labelledby="latest-heading">
          <h2 id="latest-heading">Your latest ratings</h2>
          <p class="muted">
            From your audit on {formatDay(latest.takenAt)}, on a scale of 0 to 100.
          </p>
          <ul class="bars">
            {latest.ratings.map((r) => (
              <li key={r.domainId}>
                <span class="bar-label">{r.name}</span>
                <span class="bar-track" aria-hidden="true">
                  <span class="bar-fill" style={{ width: `${r.rating}%` }} />
                </span>
                <span class="bar-value">{r.rating}</span>
              </li>
            ))}
          </ul>
          <p>
            <a href="/history">See your history</a>
          </p>
        </section>
      )}
    </>
  );
}
