import type { Domain, Evidence, Goal, Step } from "@cando/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { Disclosure, isWide } from "../../ui/disclosure";
import { LoadError, Loading } from "../../ui/feedback";
import { LabelledField } from "../../ui/labelled-field";
import { localDay } from "../../ui/local-time";
import { Page } from "../../ui/page";
import { ShowMore } from "../../ui/show-more";
import type { GoalWithLadderResponse } from "../attempts/types";
import { EvidenceForm, evidenceFieldIds, useEvidenceForm } from "./evidence-fields";
import {
  type EvidenceDraft,
  type EvidenceField,
  emptyEvidence,
  evidenceInput,
} from "./evidence-form";
import {
  EvidenceBadges,
  EvidenceContext,
  EvidenceNumbers,
  type Lookups,
  lookupsOf,
} from "./evidence-view";
import {
  countText,
  type EvidenceFilters,
  evidenceListPath,
  filtersFromQuery,
  filtersToSearch,
  goalsInDomain,
  hasFilters,
  NO_FILTERS,
  withDomain,
  withGoal,
} from "./filters";
import type {
  DomainListResponse,
  EvidenceListResponse,
  EvidenceResponse,
  GoalListResponse,
} from "./types";
import "../../ui/page-parts.css";
import "./evidence.css";

const SEARCH_DELAY_MS = 300;

type Setup = { domains: Domain[]; goals: Goal[] };

async function loadSetup(): Promise<Setup> {
  const [domains, goals] = await Promise.all([
    api.get<DomainListResponse>("/api/domains"),
    api.get<GoalListResponse>("/api/goals"),
  ]);
  return { domains: domains.domains, goals: goals.goals };
}

export function EvidencePage() {
  const { state, reload } = useLoad(loadSetup);
  return (
    <Page title="Evidence journal" heading="Your evidence journal">
      <p class="lead">
        What you have already done. Every debriefed success lands here, and you can add any
        accomplishment by hand. When doubt comes, this is what to read.
      </p>
      {state.status === "loading" && <Loading what="your journal" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && <Journal setup={state.data} />}
    </Page>
  );
}

function Journal(props: { setup: Setup }) {
  const { query, route } = useLocation();
  const filters = filtersFromQuery(query);
  const lookups = lookupsOf(props.setup.domains, props.setup.goals);
  const [adding, setAdding] = useState(query["add"] === "1");
  const [status, setStatus] = useState("");
  const [version, setVersion] = useState(0);
  const addButton = useRef<HTMLButtonElement>(null);

  function applyFilters(next: EvidenceFilters) {
    route(`/evidence${filtersToSearch(next)}`, true);
  }

  return (
    <>
      <div class="journal-actions">
        <button
          type="button"
          class="button"
          ref={addButton}
          aria-expanded={adding}
          aria-controls="add-evidence"
          onClick={() => {
            setAdding(!adding);
            setStatus("");
          }}
        >
          Add an accomplishment
        </button>
        <a class="button button-secondary" href="/doubt">
          I'm doubting myself
        </a>
      </div>
      <p class="status-line" role="status">
        {status}
      </p>
      {adding && (
        <AddEvidenceForm
          setup={props.setup}
          filters={filters}
          onCancel={() => {
            setAdding(false);
            addButton.current?.focus();
          }}
          onAdded={(evidence) => {
            setAdding(false);
            setStatus(`Added “${evidence.title}” to your journal.`);
            setVersion((v) => v + 1);
            addButton.current?.focus();
          }}
        />
      )}
      <FilterBar setup={props.setup} filters={filters} onChange={applyFilters} />
      <EvidenceList
        filters={filters}
        lookups={lookups}
        version={version}
        onClear={() => applyFilters(NO_FILTERS)}
        onAdd={() => setAdding(true)}
      />
    </>
  );
}

function FilterBar(props: {
  setup: Setup;
  filters: EvidenceFilters;
  onChange: (filters: EvidenceFilters) => void;
}) {
  const { filters, setup } = props;
  const [q, setQ] = useState(filters.q);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(filters);
  latest.current = filters;
  const steps = useSteps(filters.goalId);

  // The address can change under the box (back button, "Clear filters"): follow it.
  useEffect(() => {
    if (timer.current === null) setQ(filters.q);
  }, [filters.q]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  function search(value: string) {
    setQ(value);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      props.onChange({ ...latest.current, q: value });
    }, SEARCH_DELAY_MS);
  }

  const domains = setup.domains.filter((d) => d.archivedAt === null || d.id === filters.domainId);
  const goals = goalsInDomain(setup.goals, filters.domainId);
  // On a phone the three filters fold under one summary, so the list starts on the first screen.
  const active = [filters.domainId, filters.goalId, filters.stepId].filter((v) => v !== "").length;

  return (
    <search aria-label="Search and filter your evidence">
      <form
        class="filter-bar"
        onSubmit={(event) => {
          event.preventDefault();
          if (timer.current !== null) clearTimeout(timer.current);
          timer.current = null;
          props.onChange({ ...filters, q });
        }}
      >
        <div class="field filter-search">
          <label for="evidence-q">Search</label>
          <input
            id="evidence-q"
            type="search"
            class="input-search"
            value={q}
            maxLength={200}
            autoComplete="off"
            onInput={(e) => search(e.currentTarget.value)}
          />
        </div>
        <Disclosure
          class="filter-more"
          summary={active > 0 ? `Filters (${active} on)` : "Filters"}
          open={isWide() || active > 0}
        >
          <FilterSelect
            id="filter-domain"
            label="Domain"
            all="All domains"
            value={filters.domainId}
            options={domains.map((d) => ({ value: d.id, label: d.name }))}
            onChange={(value) => props.onChange(withDomain(filters, value, setup.goals))}
          />
          <FilterSelect
            id="filter-goal"
            label="Goal"
            all="All goals"
            value={filters.goalId}
            options={goals.map((g) => ({ value: g.id, label: g.statement }))}
            onChange={(value) => props.onChange(withGoal(filters, value, setup.goals))}
          />
          <FilterSelect
            id="filter-step"
            label="Step"
            all="All steps"
            value={filters.stepId}
            disabled={filters.goalId === ""}
            options={steps.map((s) => ({ value: s.id, label: `${s.position + 1}. ${s.title}` }))}
            onChange={(value) => props.onChange({ ...filters, stepId: value })}
          />
        </Disclosure>
      </form>
    </search>
  );
}

/** One filter of the journal: a labelled select whose first choice is "all". */
function FilterSelect(props: {
  id: string;
  label: string;
  all: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        class="select"
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The steps of the chosen goal (archived ones too: old evidence may point at them). */
function useSteps(goalId: string): Step[] {
  const [steps, setSteps] = useState<{ goalId: string; steps: Step[] }>({ goalId: "", steps: [] });
  useEffect(() => {
    if (goalId === "") return;
    let current = true;
    api.get<GoalWithLadderResponse>(`/api/goals/${encodeURIComponent(goalId)}`).then(
      (body) =>
        current &&
        setSteps({ goalId, steps: [...body.ladder.steps, ...body.ladder.archivedSteps] }),
      () => current && setSteps({ goalId, steps: [] }),
    );
    return () => {
      current = false;
    };
  }, [goalId]);
  return steps.goalId === goalId ? steps.steps : [];
}

type ListState =
  | { status: "loading"; previous: Evidence[] | null }
  | { status: "ready"; evidence: Evidence[]; next: string | null }
  | { status: "error"; error: unknown };

function EvidenceList(props: {
  filters: EvidenceFilters;
  lookups: Lookups;
  version: number;
  onClear: () => void;
  onAdd: () => void;
}) {
  const path = evidenceListPath(props.filters);
  const [state, setState] = useState<ListState>({ status: "loading", previous: null });
  const [retries, setRetries] = useState(0);

  useEffect(() => {
    let current = true;
    setState((s) => ({
      status: "loading",
      previous: s.status === "ready" ? s.evidence : s.status === "loading" ? s.previous : null,
    }));
    api.get<EvidenceListResponse>(path).then(
      (body) =>
        current && setState({ status: "ready", evidence: body.evidence, next: body.nextCursor }),
      (error: unknown) => current && setState({ status: "error", error }),
    );
    return () => {
      current = false;
    };
  }, [path, props.version, retries]);

  const filtered = hasFilters(props.filters);
  const evidence =
    state.status === "ready" ? state.evidence : state.status === "loading" ? state.previous : null;

  return (
    <section
      class="journal"
      aria-labelledby="journal-heading"
      aria-busy={state.status === "loading"}
    >
      <h2 id="journal-heading" class="visually-hidden">
        Your evidence
      </h2>
      {state.status === "error" && (
        <LoadError error={state.error} retry={() => setRetries((n) => n + 1)} />
      )}
      {evidence === null && state.status === "loading" && <Loading what="your evidence" />}
      <p class="journal-count" role="status">
        {state.status === "ready"
          ? countText(state.evidence.length, filtered, state.next !== null)
          : ""}
      </p>
      {evidence !== null && evidence.length === 0 && state.status === "ready" && (
        <div class="empty-state">
          {filtered ? (
            <>
              <p>Try fewer words, or another domain or goal.</p>
              <button type="button" class="button button-secondary" onClick={props.onClear}>
                Clear filters
              </button>
            </>
          ) : (
            <>
              <p>
                Your journal is waiting for its first entry. Evidence grows with each success you
                debrief: log an attempt at a step of a goal, debrief it, and it lands here.
              </p>
              <p>
                Done something worth keeping outside Cando?{" "}
                <button type="button" class="link-like" onClick={props.onAdd}>
                  Add an accomplishment
                </button>
                .
              </p>
            </>
          )}
        </div>
      )}
      {evidence !== null && evidence.length > 0 && (
        <ul class="evidence-list">
          {evidence.map((e) => (
            <li key={e.id} class="evidence-item">
              <h3>
                <a href={`/evidence/${encodeURIComponent(e.id)}`}>{e.title}</a>
              </h3>
              <EvidenceContext evidence={e} lookups={props.lookups} />
              <EvidenceBadges evidence={e} />
              {e.body && <p class="evidence-body">{e.body}</p>}
              <EvidenceNumbers evidence={e} />
            </li>
          ))}
        </ul>
      )}
      {evidence !== null && evidence.length > 0 && (
        <ShowMore
          what="evidence"
          more={state.status === "ready" && state.next !== null}
          onMore={async () => {
            if (state.status !== "ready") return;
            const cursor = state.next ?? undefined;
            const page = await api.get<EvidenceListResponse>(
              evidenceListPath(props.filters, cursor),
            );
            setState({
              status: "ready",
              evidence: [...state.evidence, ...page.evidence],
              next: page.nextCursor,
            });
          }}
        />
      )}
    </section>
  );
}

function AddEvidenceForm(props: {
  setup: Setup;
  filters: EvidenceFilters;
  onCancel: () => void;
  onAdded: (evidence: Evidence) => void;
}) {
  const activeDomains = props.setup.domains.filter((d) => d.archivedAt === null);
  const firstDomain =
    activeDomains.find((d) => d.id === props.filters.domainId)?.id ?? activeDomains[0]?.id ?? "";
  const firstGoal = props.setup.goals.find(
    (g) => g.id === props.filters.goalId && g.domainId === firstDomain,
  );
  const form = useEvidenceForm(() =>
    emptyEvidence(firstDomain, firstGoal?.id ?? "", localDay(new Date())),
  );
  const { draft, problems } = form;
  const ids = evidenceFieldIds("add");

  function change<K extends keyof EvidenceDraft>(key: K, value: EvidenceDraft[K]) {
    form.setDraft((d) => {
      const next = { ...d, [key]: value };
      // A goal belongs to one domain: a new domain drops a goal from another.
      if (key === "domainId") {
        const goal = props.setup.goals.find((g) => g.id === d.goalId);
        if (goal && goal.domainId !== value) next.goalId = "";
      }
      return next;
    });
    if (problems[key as EvidenceField] !== undefined) {
      const { [key as EvidenceField]: _fixed, ...rest } = problems;
      form.setProblems(rest);
    }
  }

  if (activeDomains.length === 0) {
    return (
      <p class="notice" id="add-evidence">
        You have no active domain to file it under. <a href="/domains">Add or restore a domain</a>{" "}
        first.
      </p>
    );
  }
  const goals = props.setup.goals.filter((g) => g.domainId === draft.domainId);

  return (
    <EvidenceForm
      prefix="add"
      id="add-evidence"
      class="card stack add-evidence"
      heading="Add an accomplishment"
      form={form}
      onSubmit={(event) =>
        form.submit(event, "A few details are still needed.", (d) =>
          api
            .post<EvidenceResponse>("/api/evidence", evidenceInput(d))
            .then((body) => props.onAdded(body.evidence)),
        )
      }
      onChange={change}
      onCancel={props.onCancel}
      submitLabel="Add to my journal"
      busyLabel="Adding…"
    >
      <div class="field-row">
        <LabelledField id={ids.domainId} label="Domain" error={problems.domainId}>
          {(control) => (
            <select
              class="select"
              {...control}
              value={draft.domainId}
              onChange={(e) => change("domainId", e.currentTarget.value)}
            >
              {activeDomains.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField id={ids.goalId} label="Goal (optional)" error={problems.goalId}>
          {(control) => (
            <select
              class="select"
              {...control}
              value={draft.goalId}
              onChange={(e) => change("goalId", e.currentTarget.value)}
            >
              <option value="">No particular goal</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.statement}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
      </div>
    </EvidenceForm>
  );
}
