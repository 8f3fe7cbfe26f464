import type { RoleModel } from "@cando/core";
import { roleModelNudge } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { placeProblems } from "../../ui/form-problems";
import { NumberScale } from "../../ui/number-scale";
import { TextField } from "../../ui/text-field";

const LABELS = {
  name: "Name or alias",
  relation: "Who they are to me",
  similarity: "How similar their starting point was",
  ahead: "How far ahead of me they are",
  knownFrom: "Where I know them from",
} as const;
type Field = keyof typeof LABELS;

const ANCHORS = [
  { value: 0, text: "Nothing like mine" },
  { value: 50, text: "Somewhat like mine" },
  { value: 100, text: "Just like mine" },
];

/** Adds a role model. The nudge for a less similar one shows as the scale is set; never blocks. */
export function RoleModelForm(props: { onSaved: (roleModel: RoleModel) => void }) {
  const [name, setName] = useState("");
  const [relation, setRelation] = useState("");
  const [similarity, setSimilarity] = useState<number | null>(null);
  const [ahead, setAhead] = useState("");
  const [knownFrom, setKnownFrom] = useState("");
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [other, setOther] = useState("");
  const [busy, setBusy] = useState(false);
  const nudge = similarity === null ? null : roleModelNudge(similarity);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const res = await api.post<{ roleModel: RoleModel }>("/api/role-models", {
        name,
        relation,
        similarity,
        ahead,
        knownFrom,
      });
      setName("");
      setRelation("");
      setSimilarity(null);
      setAhead("");
      setKnownFrom("");
      setProblems({});
      setOther("");
      props.onSaved(res.roleModel);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const placed = placeProblems(error.fields, LABELS);
        setProblems(placed.fields);
        setOther(placed.other.join(" "));
        const first = (Object.keys(LABELS) as Field[]).find((f) => placed.fields[f]);
        document
          .getElementById(first === "similarity" ? "rm-similarity-0" : `rm-${first}`)
          ?.focus();
      } else {
        setProblems({});
        setOther(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="role-model-form stack" onSubmit={submit} noValidate aria-busy={busy}>
      <TextField
        id="rm-name"
        label={LABELS.name}
        value={name}
        onInput={setName}
        maxLength={100}
        error={problems.name}
      />
      <TextField
        id="rm-relation"
        label={LABELS.relation}
        hint="A colleague, a friend, someone from my course…"
        value={relation}
        onInput={setRelation}
        maxLength={200}
        error={problems.relation}
      />
      <NumberScale
        name="rm-similarity"
        legend={LABELS.similarity}
        hint="Someone who started where you are shows you what is possible for you."
        min={0}
        max={100}
        step={10}
        value={similarity}
        onChange={setSimilarity}
        anchors={ANCHORS}
        error={problems.similarity}
        required
      />
      <p class="role-model-nudge" role="status">
        {nudge ?? ""}
      </p>
      <TextField
        id="rm-ahead"
        label={LABELS.ahead}
        hint="One or two steps ahead teaches the most: “a few months”, “a year”."
        value={ahead}
        onInput={setAhead}
        maxLength={200}
        error={problems.ahead}
      />
      <TextField
        id="rm-knownFrom"
        label={LABELS.knownFrom}
        value={knownFrom}
        onInput={setKnownFrom}
        maxLength={200}
        error={problems.knownFrom}
      />
      {other && (
        <p class="field-error" role="alert">
          {other}
        </p>
      )}
      <div>
        <button type="submit" class="button" disabled={busy}>
          Add role model
        </button>
      </div>
    </form>
  );
}
