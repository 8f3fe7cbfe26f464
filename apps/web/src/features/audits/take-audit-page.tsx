import type { Domain } from "@cando/core";
import type { ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError, api, errorMessage } from "../../api/client";
import type { AuditResponse, DomainListResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { LabelledField } from "../../ui/labelled-field";
import { Page } from "../../ui/page";
import { ProblemSummary } from "../../ui/problem-summary";
import { activeDomains } from "../domains/domain-lists";
import {
  type AuditProblems,
  auditProblems,
  buildAuditInput,
  type Ratings,
  unratedDomains,
} from "./audit-form";
import { loadAudits } from "./load-audits";
import { firstRatingId, RatingScale } from "./rating-scale";

export function TakeAuditPage() {
  const { state, reload } = useLoad(() =>
    Promise.all([api.get<DomainListResponse>("/api/domains"), loadAudits()]),
  );
  return (
    <Page title="Take the audit">
      {state.status === "loading" && <Loading what="your domains" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <>
          <AuditLead first={state.data[1].due.lastTakenAt === null} />
          <AuditForm domains={activeDomains(state.data[0].domains)} />
        </>
      )}
    </Page>
  );
}

/** The first audit is the baseline; a later one is a re-rating against it. */
export function AuditLead(props: { first: boolean }) {
  return (
    <p class="lead">
      For each area of life, rate how certain you are, today, that you can succeed at what matters
      to you there. There are no right answers:{" "}
      {props.first
        ? "this is your baseline, and you will re-rate it each month."
        : "rate how it is now, not how it was last time. Your history shows the change."}
    </p>
  );
}

const NO_PROBLEMS: AuditProblems = { byDomain: {}, note: null, other: [] };

/**
 * Rating every active domain, and a note. After saving it goes to the history, or calls
 * `onSaved` (the first-run path moves on to choosing a domain).
 */
export function AuditForm(props: {
  domains: Domain[];
  onSaved?: () => void;
  submitLabel?: string;
  extraActions?: ComponentChildren;
}) {
  const { route } = useLocation();
  const [ratings, setRatings] = useState<Ratings>({});
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<AuditProblems>(NO_PROBLEMS);
  const [summary, setSummary] = useState<{ text: string; unrated: Domain[] } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const noteInput = useRef<HTMLTextAreaElement>(null);

  if (props.domains.length === 0) {
    return (
      <p class="notice">
        You have no active domains to rate. <a href="/domains">Add or restore a domain</a> first.
      </p>
    );
  }

  function rate(domainId: string, rating: number) {
    setRatings((current) => ({ ...current, [domainId]: rating }));
    if (problems.byDomain[domainId] !== undefined) {
      const { [domainId]: _fixed, ...rest } = problems.byDomain;
      setProblems({ ...problems, byDomain: rest });
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const unrated = unratedDomains(props.domains, ratings);
    if (unrated.length > 0) {
      setProblems({
        ...NO_PROBLEMS,
        byDomain: Object.fromEntries(unrated.map((d) => [d.id, `Choose a rating for ${d.name}.`])),
      });
      setSummary({
        text:
          unrated.length === 1
            ? "Rate every domain before saving: 1 is still to rate."
            : `Rate every domain before saving: ${unrated.length} are still to rate.`,
        unrated,
      });
      setAttempt((n) => n + 1);
      return;
    }
    const body = buildAuditInput(props.domains, ratings, note);
    setBusy(true);
    try {
      await api.post<AuditResponse>("/api/audits", body);
      if (props.onSaved) props.onSaved();
      else route("/history?saved=1");
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const found = auditProblems(error.fields, body.ratings);
        setProblems(found);
        setSummary({ text: [error.message, ...found.other].join(" "), unrated: [] });
        if (found.note !== null) noteInput.current?.focus();
      } else {
        setProblems(NO_PROBLEMS);
        setSummary({ text: errorMessage(error), unrated: [] });
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const rated = props.domains.length - unratedDomains(props.domains, ratings).length;

  return (
    <form class="stack audit-form" onSubmit={submit} noValidate aria-busy={busy}>
      {summary !== null && (
        <ProblemSummary
          key={attempt}
          message={summary.text}
          links={summary.unrated.map((d) => ({ targetId: firstRatingId(d.id), text: d.name }))}
        />
      )}
      {props.domains.map((domain) => (
        <RatingScale
          key={domain.id}
          domain={domain}
          value={ratings[domain.id]}
          onChange={(rating) => rate(domain.id, rating)}
          error={problems.byDomain[domain.id]}
        />
      ))}
      <LabelledField
        id="audit-note"
        label="Note (optional)"
        hint="Anything that colours today's ratings: what happened, how you feel."
        error={problems.note}
        count={{ length: note.length, limit: 2000 }}
      >
        {(control) => (
          <textarea
            {...control}
            ref={noteInput}
            rows={3}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        )}
      </LabelledField>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {props.submitLabel ?? "Save audit"}
        </button>
        {props.extraActions}
        <span class="muted">
          {rated} of {props.domains.length} rated
        </span>
      </div>
    </form>
  );
}
