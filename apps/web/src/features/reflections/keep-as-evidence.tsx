import type { Domain, Evidence, ReflectionPart } from "@cando/core";
import { useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { SelectField } from "../../ui/fields";
import { evidencePath } from "../../ui/paths";
import { firstLine } from "./reflection-words";

const OWNERSHIP = Array.from({ length: 11 }, (_, i) => ({
  value: String(i * 10),
  label: `${i * 10}`,
}));

/** Keeps one answer of a saved reflection as evidence in a chosen domain. */
export function KeepAsEvidence(props: {
  weekEnd: string;
  part: ReflectionPart;
  label: string;
  text: string;
  domains: readonly Domain[];
}) {
  const [domainId, setDomainId] = useState(props.domains[0]?.id ?? "");
  const [ownership, setOwnership] = useState("70");
  const [kept, setKept] = useState<Evidence | null>(null);
  const [problem, setProblem] = useState("");
  const id = `keep-${props.part}`;

  async function keep(event: Event) {
    event.preventDefault();
    try {
      const res = await api.post<{ evidence: Evidence }>(
        `/api/reflections/${props.weekEnd}/evidence`,
        { part: props.part, domainId, ownership: Number(ownership) },
      );
      setKept(res.evidence);
      setProblem("");
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.fields[0]
          ? `${error.fields[0].path} ${error.fields[0].message}`
          : errorMessage(error),
      );
    }
  }

  if (kept) {
    return (
      <p class="notice notice-success" role="status">
        Kept as evidence: <a href={evidencePath(kept.id)}>{kept.title}</a>
      </p>
    );
  }
  return (
    <form class="keep-evidence" onSubmit={keep} aria-label={`Keep "${props.label}" as evidence`}>
      <p class="muted">Keep “{firstLine(props.text)}” in your evidence journal.</p>
      <div class="keep-evidence-fields">
        <SelectField
          id={`${id}-domain`}
          label="Domain"
          value={domainId}
          options={props.domains.map((d) => ({ value: d.id, label: d.name }))}
          onChange={setDomainId}
        />
        <SelectField
          id={`${id}-ownership`}
          label="How much was my own doing (0–100)"
          value={ownership}
          options={OWNERSHIP}
          onChange={setOwnership}
        />
      </div>
      <button type="submit" class="button button-secondary button-small">
        Keep as evidence<span class="visually-hidden">: {props.label}</span>
      </button>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
