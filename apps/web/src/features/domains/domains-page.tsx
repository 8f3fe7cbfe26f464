import type { Domain } from "@cando/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import type { DomainListResponse, DomainResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { ErrorSummary, LoadError, Loading } from "../../ui/feedback";
import { fieldMessage } from "../../ui/format";
import { Page } from "../../ui/page";
import { TextField } from "../../ui/text-field";
import { activeDomains, archivedDomains, replaceDomain } from "./domain-lists";

/** The message for a failed name change: the `name` field's problem, or the error itself. */
function nameProblem(error: unknown): string {
  const field = error instanceof ApiError ? error.fields.find((f) => f.path === "name") : undefined;
  return field ? fieldMessage("Name", field.message) : errorMessage(error);
}

/**
 * A form that saves a domain's name: the name, its problem and the busy flag. `submit` runs
 * `save`; when it fails, the problem shows on the field and the field takes focus.
 */
function useNameForm(initial: string) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: Event, save: () => Promise<void>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await save();
    } catch (err) {
      setError(nameProblem(err));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return { name, setName, error, setError, busy, input, submit };
}

export function DomainsPage() {
  const { state, reload, set } = useLoad(() => api.get<DomainListResponse>("/api/domains"));
  const [status, setStatus] = useState("");

  return (
    <Page title="Domains" heading="Your domains">
      <p class="lead">
        The areas of life you rate in each audit. Add your own, rename them to fit you, and archive
        the ones that no longer matter: an archived domain leaves the audit but keeps its history.
      </p>
      <p class="status-line" role="status">
        {status}
      </p>
      {state.status === "loading" && <Loading what="your domains" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <DomainLists
          domains={state.data.domains}
          onChange={(domains, message) => {
            set({ domains });
            setStatus(message);
          }}
        />
      )}
    </Page>
  );
}

function DomainLists(props: {
  domains: Domain[];
  onChange: (domains: Domain[], message: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // After an action the clicked button is gone; focus follows the domain to its new place.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  const active = activeDomains(props.domains);
  const archived = archivedDomains(props.domains);

  async function setArchived(domain: Domain, archived: boolean) {
    setProblem(null);
    try {
      const body = await api.patch<DomainResponse>(
        `/api/domains/${encodeURIComponent(domain.id)}`,
        {
          archived,
        },
      );
      props.onChange(
        replaceDomain(props.domains, body.domain),
        archived ? `${domain.name} is archived.` : `${domain.name} is restored.`,
      );
      setFocusId(`${archived ? "restore" : "archive"}-${domain.id}`);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  return (
    <>
      {problem !== null && (
        <ErrorSummary focus>
          <p>{problem}</p>
        </ErrorSummary>
      )}
      <section class="card" aria-labelledby="active-heading">
        <h2 id="active-heading">In your audit</h2>
        {active.length === 0 ? (
          <p class="muted">No active domains. Add one below or restore an archived one.</p>
        ) : (
          <ul class="domain-list">
            {active.map((domain) =>
              editing === domain.id ? (
                <li key={domain.id}>
                  <RenameForm
                    domain={domain}
                    onDone={(updated) => {
                      setEditing(null);
                      setFocusId(`rename-button-${domain.id}`);
                      if (updated !== null) {
                        props.onChange(
                          replaceDomain(props.domains, updated),
                          `${domain.name} is renamed to ${updated.name}.`,
                        );
                      }
                    }}
                  />
                </li>
              ) : (
                <li key={domain.id}>
                  <span class="domain-name">
                    {domain.name}
                    {domain.key === null && <span class="tag">your own</span>}
                  </span>
                  <span class="domain-actions">
                    <DomainButton
                      id={`rename-button-${domain.id}`}
                      action="Rename"
                      domain={domain}
                      onClick={() => setEditing(domain.id)}
                    />
                    <DomainButton
                      id={`archive-${domain.id}`}
                      action="Archive"
                      domain={domain}
                      onClick={() => setArchived(domain, true)}
                    />
                  </span>
                </li>
              ),
            )}
          </ul>
        )}
      </section>

      <AddDomainForm
        onAdded={(domain) =>
          props.onChange([...props.domains, domain], `${domain.name} is added to your audit.`)
        }
      />

      <section class="card" aria-labelledby="archived-heading">
        <h2 id="archived-heading">Archived</h2>
        {archived.length === 0 ? (
          <p class="muted">Nothing archived.</p>
        ) : (
          <ul class="domain-list">
            {archived.map((domain) => (
              <li key={domain.id}>
                <span class="domain-name">{domain.name}</span>
                <span class="domain-actions">
                  <DomainButton
                    id={`restore-${domain.id}`}
                    action="Restore"
                    domain={domain}
                    onClick={() => setArchived(domain, false)}
                  />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** An action on one domain; screen readers hear which domain ("Archive Health"). */
function DomainButton(props: { id: string; action: string; domain: Domain; onClick: () => void }) {
  return (
    <button
      type="button"
      id={props.id}
      class="button button-small button-secondary"
      onClick={props.onClick}
    >
      {props.action}
      <span class="visually-hidden"> {props.domain.name}</span>
    </button>
  );
}

function RenameForm(props: { domain: Domain; onDone: (updated: Domain | null) => void }) {
  const { name, setName, error, busy, input, submit } = useNameForm(props.domain.name);
  const id = `rename-${props.domain.id}`;

  useEffect(() => {
    input.current?.select();
  }, []);

  function rename(event: Event) {
    return submit(event, async () => {
      const body = await api.patch<DomainResponse>(
        `/api/domains/${encodeURIComponent(props.domain.id)}`,
        { name },
      );
      props.onDone(body.domain);
    });
  }

  return (
    <form class="inline-form" onSubmit={rename} noValidate>
      <TextField
        id={id}
        label={`New name for ${props.domain.name}`}
        value={name}
        onInput={setName}
        error={error}
        maxLength={60}
        inputRef={input}
      />
      <span class="domain-actions">
        <button type="submit" class="button button-small" disabled={busy}>
          Save
        </button>
        <button
          type="button"
          class="button button-small button-secondary"
          onClick={() => props.onDone(null)}
        >
          Cancel
        </button>
      </span>
    </form>
  );
}

function AddDomainForm(props: { onAdded: (domain: Domain) => void }) {
  const { name, setName, error, setError, busy, input, submit } = useNameForm("");

  function add(event: Event) {
    return submit(event, async () => {
      setError(undefined);
      const body = await api.post<DomainResponse>("/api/domains", { name });
      setName("");
      props.onAdded(body.domain);
    });
  }

  return (
    <section class="card" aria-labelledby="add-heading">
      <h2 id="add-heading">Add your own domain</h2>
      <form class="inline-form" onSubmit={add} noValidate>
        <TextField
          id="new-domain"
          label="Name"
          hint="An area of life that matters to you, such as Public speaking or Parenting."
          value={name}
          onInput={setName}
          error={error}
          maxLength={60}
          inputRef={input}
        />
        <span class="domain-actions">
          <button type="submit" class="button" disabled={busy}>
            Add domain
          </button>
        </span>
      </form>
    </section>
  );
}
