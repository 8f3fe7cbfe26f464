import type { Evidence, Undo } from "@cando/core";
import { ownShare } from "@cando/core/constants";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { FieldHelp } from "../../ui/field-help";
import { placeProblems } from "../../ui/form-problems";
import { formatDay } from "../../ui/format";
import { LabelledField } from "../../ui/labelled-field";
import { Page } from "../../ui/page";
import { ProblemSummary } from "../../ui/problem-summary";
import { OwnShareWhy } from "../advice/why";
import { DeletedEvidence, DeleteEvidence } from "./evidence-delete";
import { EvidenceForm, useEvidenceForm } from "./evidence-fields";
import { draftFromEvidence, type EvidenceDraft, evidencePatch } from "./evidence-form";
import {
  EvidenceBadges,
  EvidenceContext,
  EvidenceNumbers,
  type Lookups,
  lookupsOf,
} from "./evidence-view";
import {
  clampWeight,
  NO_WEIGHTS,
  ownShareSentence,
  type ReattributionProblems,
  validateReattribution,
  WEIGHTS,
  type Weights,
} from "./reattribution";
import type { DomainListResponse, EvidenceResponse, GoalListResponse } from "./types";
import "../../ui/page-parts.css";
import { FeedbackOnTarget } from "../feedback/feedback-list";
import "./evidence.css";

type Loaded = { evidence: Evidence | null; lookups: Lookups };

async function loadEvidence(evidenceId: string): Promise<Loaded> {
  const [item, domains, goals] = await Promise.all([
    api
      .get<EvidenceResponse>(`/api/evidence/${encodeURIComponent(evidenceId)}`)
      .catch((error: unknown) => {
        // Missing, or someone else's: the page says it cannot be found.
        if (error instanceof ApiError && error.status === 404) return { evidence: null };
        throw error;
      }),
    api.get<DomainListResponse>("/api/domains"),
    api.get<GoalListResponse>("/api/goals"),
  ]);
  return { evidence: item.evidence, lookups: lookupsOf(domains.domains, goals.goals) };
}

export function EvidenceItemPage(props: { evidenceId: string }) {
  const { state, reload, set } = useLoad(() => loadEvidence(props.evidenceId));
  const [deleted, setDeleted] = useState<Undo | null>(null);
  const evidence = state.status === "ready" ? state.data.evidence : null;
  return (
    <Page title={evidence?.title ?? "Evidence"} heading={evidence?.title ?? "Evidence"}>
      <p class="breadcrumb">
        <a href="/evidence">Your evidence journal</a>
      </p>
      {state.status === "loading" && <Loading what="this evidence" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {deleted !== null && (
        <DeletedEvidence
          undo={deleted}
          onRestored={() => {
            setDeleted(null);
            reload();
          }}
        />
      )}
      {state.status === "ready" && evidence === null && deleted === null && (
        <div class="notice">
          <p>
            This piece of evidence is not in your journal. <a href="/evidence">Go to the journal</a>
          </p>
        </div>
      )}
      {state.status === "ready" && evidence !== null && (
        <>
          <EvidenceCard
            evidence={evidence}
            lookups={state.data.lookups}
            onSaved={(e) => set({ ...state.data, evidence: e })}
          />
          <Exercise evidence={evidence} onSaved={(e) => set({ ...state.data, evidence: e })} />
          {evidence.goalId !== null && (
            <FeedbackOnTarget goalId={evidence.goalId} evidenceId={evidence.id} />
          )}
          <DeleteEvidence
            evidence={evidence}
            onDeleted={(undo) => {
              set({ ...state.data, evidence: null });
              setDeleted(undo);
            }}
          />
        </>
      )}
    </Page>
  );
}

function EvidenceCard(props: {
  evidence: Evidence;
  lookups: Lookups;
  onSaved: (evidence: Evidence) => void;
}) {
  const { evidence } = props;
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState("");
  const editButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) editButton.current?.focus();
  }, [refocus]);

  if (editing) {
    return (
      <EditEvidence
        evidence={evidence}
        onCancel={() => {
          setEditing(false);
          setRefocus((n) => n + 1);
        }}
        onSaved={(saved, changed) => {
          props.onSaved(saved);
          setEditing(false);
          setStatus(changed ? "Your changes are saved." : "Nothing changed.");
          setRefocus((n) => n + 1);
        }}
      />
    );
  }
  return (
    <section class="card evidence-card" aria-label="What happened">
      <EvidenceContext evidence={evidence} lookups={props.lookups} />
      <EvidenceBadges evidence={evidence} />
      {evidence.body ? (
        <p class="evidence-full-body">{evidence.body}</p>
      ) : (
        <p class="muted">No description yet.</p>
      )}
      <EvidenceNumbers evidence={evidence} />
      <p class="status-line" role="status">
        {status}
      </p>
      <div class="form-actions">
        <button
          type="button"
          class="button button-secondary"
          ref={editButton}
          onClick={() => {
            setStatus("");
            setEditing(true);
          }}
        >
          Edit
        </button>
        {evidence.attemptId !== null && (
          <a href={`/attempts/${encodeURIComponent(evidence.attemptId)}`}>See the attempt</a>
        )}
      </div>
    </section>
  );
}

function EditEvidence(props: {
  evidence: Evidence;
  onCancel: () => void;
  onSaved: (evidence: Evidence, changed: boolean) => void;
}) {
  const form = useEvidenceForm(() => draftFromEvidence(props.evidence));

  function send(draft: EvidenceDraft): Promise<void> | null {
    const patch = evidencePatch(props.evidence, draft);
    if (patch === null) {
      props.onSaved(props.evidence, false);
      return null;
    }
    return api
      .patch<EvidenceResponse>(`/api/evidence/${encodeURIComponent(props.evidence.id)}`, patch)
      .then((body) => props.onSaved(body.evidence, true));
  }

  return (
    <EvidenceForm
      prefix="edit"
      class="card stack"
      heading="Edit this evidence"
      form={form}
      onSubmit={(event) => form.submit(event, "A few details need a look.", send)}
      onChange={(key, value) => form.setDraft((d) => ({ ...d, [key]: value }))}
      onCancel={props.onCancel}
      submitLabel="Save changes"
      busyLabel="Saving…"
    />
  );
}

/** The imposter re-attribution exercise. */
function Exercise(props: { evidence: Evidence; onSaved: (evidence: Evidence) => void }) {
  const saved = props.evidence.reattribution;
  const [redoing, setRedoing] = useState(false);
  const [status, setStatus] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) heading.current?.focus();
  }, [refocus]);
  // Arriving from "Weigh what produced this" (the doubt page) starts at the exercise.
  useEffect(() => {
    if (location.hash === "#what-produced-this") heading.current?.focus();
  }, []);

  return (
    <section class="card exercise" aria-labelledby="exercise-heading" id="what-produced-this">
      <h2 id="exercise-heading" ref={heading} tabIndex={-1}>
        What produced this?
      </h2>
      <p>
        If part of you says this was luck, or that anyone could have done it, that is a common
        feeling, and it is only a belief that has not caught up with the evidence yet. There is
        nothing to argue with. Weigh, as honestly as you can, what made this happen.
      </p>
      <p class="status-line" role="status">
        {status}
      </p>
      {saved !== null && !redoing ? (
        <>
          <p class="muted">You did this exercise on {formatDay(saved.doneAt)}.</p>
          <ShareView weights={saved.weights} share={saved.ownShare} why />
          <ul class="weights-saved" aria-label="Your weights">
            {WEIGHTS.map((w) => (
              <li key={w.key}>
                <span>{w.label}</span>
                <strong>{saved.weights[w.key]}</strong>
              </li>
            ))}
          </ul>
          <h3>What this shows about me</h3>
          <p class="shows-quote">{saved.shows}</p>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              setStatus("");
              setRedoing(true);
            }}
          >
            Weigh it again
          </button>
        </>
      ) : (
        <ExerciseForm
          evidence={props.evidence}
          onCancel={
            saved === null
              ? undefined
              : () => {
                  setRedoing(false);
                  setRefocus((n) => n + 1);
                }
          }
          onSaved={(evidence) => {
            props.onSaved(evidence);
            setRedoing(false);
            setStatus("Saved. You can come back to it whenever doubt comes.");
            setRefocus((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}

/** The own share; `why` adds its explanation (not in the live region of the form). */
function ShareView(props: { weights: Weights; share: number; why?: boolean }) {
  const total = Object.values(props.weights).reduce((a, b) => a + b, 0);
  return (
    <div class="share">
      <p class="share-line">
        Own share: <strong>{total === 0 ? "–" : `${props.share}%`}</strong>
        {total > 0 && <span class="muted"> · {ownShareSentence(props.share)}</span>}
      </p>
      {props.why && <OwnShareWhy weights={props.weights} share={props.share} />}
      <div class="share-bar" aria-hidden="true">
        <span class="share-own" style={{ width: `${total === 0 ? 0 : props.share}%` }} />
      </div>
      <p class="share-legend" aria-hidden="true">
        <span>Yours: effort, skill, strategy</span>
        <span>From outside</span>
      </p>
    </div>
  );
}

function ExerciseForm(props: {
  evidence: Evidence;
  onCancel: (() => void) | undefined;
  onSaved: (evidence: Evidence) => void;
}) {
  const saved = props.evidence.reattribution;
  const [weights, setWeights] = useState<Weights>(saved?.weights ?? NO_WEIGHTS);
  const [shows, setShows] = useState(saved?.shows ?? "");
  const [problems, setProblems] = useState<ReattributionProblems>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [shown, setShown] = useState(0);
  const [busy, setBusy] = useState(false);
  const share = ownShare(weights);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const found = validateReattribution(weights, shows);
    if (found.weights || found.shows) {
      setProblems(found);
      setSummary("One more thing before saving.");
      setShown((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const body = await api.put<EvidenceResponse>(
        `/api/evidence/${encodeURIComponent(props.evidence.id)}/reattribution`,
        { weights, shows: shows.trim() },
      );
      props.onSaved(body.evidence);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const placed = placeProblems(error.fields, { weights: "Weights", shows: "What it shows" });
        setProblems(placed.fields);
        setSummary([error.message, ...placed.other].join(" "));
      } else {
        setProblems({});
        setSummary(errorMessage(error));
      }
      setShown((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const links = [
    problems.weights ? { targetId: "weight-effort", text: problems.weights } : null,
    problems.shows ? { targetId: "shows", text: problems.shows } : null,
  ].filter((l) => l !== null);

  return (
    <form class="stack" onSubmit={submit} noValidate aria-busy={busy}>
      {summary !== null && <ProblemSummary key={shown} message={summary} links={links} />}
      <FieldHelp
        id="weights"
        hint="Give each a weight from 0 to 100. They do not need to add up to anything."
        error={problems.weights}
      />
      <div class="weights">
        {[true, false].map((own) => (
          <fieldset class="weight-group" key={String(own)}>
            <legend>{own ? "Your part" : "From outside you"}</legend>
            {WEIGHTS.filter((w) => w.own === own).map((w) => (
              <div class="weight" key={w.key}>
                <label for={`weight-${w.key}`}>{w.label}</label>
                <input
                  type="range"
                  id={`weight-${w.key}`}
                  min={0}
                  max={100}
                  step={5}
                  value={weights[w.key]}
                  aria-describedby={
                    problems.weights ? "weights-error weights-hint" : "weights-hint"
                  }
                  onInput={(e) => {
                    const value = clampWeight(e.currentTarget.value);
                    setWeights((current) => ({ ...current, [w.key]: value }));
                    if (problems.weights) setProblems({ ...problems, weights: undefined });
                  }}
                />
                <span class="weight-value" aria-hidden="true">
                  {weights[w.key]}
                </span>
              </div>
            ))}
          </fieldset>
        ))}
      </div>
      <div role="status">
        <ShareView weights={weights} share={share} />
      </div>
      <LabelledField
        id="shows"
        label="What does this show about me?"
        hint="One or two honest sentences: “I can prepare well under pressure.”"
        error={problems.shows}
        count={{ length: shows.length, limit: 2000 }}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={shows}
            onInput={(e) => {
              setShows(e.currentTarget.value);
              if (problems.shows) setProblems({ ...problems, shows: undefined });
            }}
          />
        )}
      </LabelledField>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? "Saving…" : "Save the exercise"}
        </button>
        {props.onCancel && (
          <button type="button" class="button button-quiet" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
