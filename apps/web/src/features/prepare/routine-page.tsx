import type { Routine, RoutineBlock } from "@cando/core";
import {
  BREATHING_BOUNDS,
  BREATHING_PRESET_LABELS,
  BREATHING_PRESETS,
  type BreathingPreset,
  REHEARSAL_SECONDS,
  ROUTINE_BLOCK_KINDS,
  ROUTINE_BLOCK_LABELS,
  ROUTINE_MAX_BLOCKS,
  type RoutineBlockKind,
} from "@cando/core/constants";
import { useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { LabelledField } from "../../ui/labelled-field";
import { Page } from "../../ui/page";
import { showToast } from "../../ui/toast";
import { describeBlock, routineProblem, SUGGESTED_ROUTINE } from "./prepare";
import "./prepare.css";

type Draft = { name: string; blocks: RoutineBlock[] };

const NEW_BLOCK: Record<RoutineBlockKind, RoutineBlock> = {
  breathing: { kind: "breathing", preset: "resonance", duration: { unit: "minutes", minutes: 2 } },
  evidence: { kind: "evidence" },
  rehearsal: { kind: "rehearsal", script: "", seconds: 120 },
  warmup: { kind: "warmup", items: ["Water", "Notes in order"] },
  state_check: { kind: "state_check" },
};

/** `/routines` (the default) or `/routines?goalId=…` (a goal's own): build it from blocks. */
export function RoutinePage(props: { query?: Record<string, string> }) {
  const goalId = props.query?.goalId ?? null;
  const { state, reload } = useLoad(() => api.get<{ routines: Routine[] }>("/api/routines"));
  return (
    <Page title={goalId ? "This goal's routine" : "Your routine"}>
      {state.status === "loading" && <Loading what="your routine" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <Editor
          goalId={goalId}
          saved={state.data.routines.find((r) => r.goalId === goalId) ?? null}
          fallback={state.data.routines.find((r) => r.goalId === null) ?? null}
        />
      )}
    </Page>
  );
}

function Editor(props: { goalId: string | null; saved: Routine | null; fallback: Routine | null }) {
  // A goal's routine starts from the default one, if there is one.
  const start = props.saved ?? props.fallback;
  const [draft, setDraft] = useState<Draft>(
    start ? { name: start.name, blocks: start.blocks } : SUGGESTED_ROUTINE,
  );
  const [adding, setAdding] = useState<RoutineBlockKind>("breathing");
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const setBlock = (i: number, block: RoutineBlock) =>
    setDraft((d) => ({ ...d, blocks: d.blocks.map((b, j) => (j === i ? block : b)) }));
  const move = (i: number, by: number) =>
    setDraft((d) => {
      const blocks = [...d.blocks];
      const [b] = blocks.splice(i, 1);
      if (b) blocks.splice(i + by, 0, b);
      return { ...d, blocks };
    });

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const path = props.goalId
        ? `/api/goals/${encodeURIComponent(props.goalId)}/routine`
        : "/api/routines/default";
      await api.put(path, draft);
      setProblems([]);
      showToast("Routine saved");
    } catch (error) {
      setProblems(
        error instanceof ApiError && error.fields.length > 0
          ? error.fields
          : [{ path: "", message: errorMessage(error) }],
      );
    } finally {
      setBusy(false);
    }
  }

  async function removeOwn() {
    if (!props.goalId) return;
    setBusy(true);
    try {
      await api.delete(`/api/goals/${encodeURIComponent(props.goalId)}/routine`);
      showToast("This goal uses your default routine again");
    } catch (error) {
      setProblems([{ path: "", message: errorMessage(error) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate aria-busy={busy}>
      <p class="muted">
        A pre-performance routine: a few minutes to manage your state before an attempt. It is state
        management, not treatment. {props.goalId ? "This goal's steps use this one." : ""}
      </p>
      {problems.length > 0 && (
        <div class="notice" role="alert">
          <p>Some parts need a change before the routine can be saved:</p>
          <ul>
            {problems.map((p) => (
              <li key={p.path}>{routineProblem(p.path, p.message)}</li>
            ))}
          </ul>
        </div>
      )}
      <LabelledField id="routine-name" label="Name">
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={100}
            value={draft.name}
            onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
        )}
      </LabelledField>
      <ol class="routine-blocks">
        {draft.blocks.map((block, i) => (
          <li key={`${i}-${block.kind}`} class="card">
            <h2 class="text-md">
              {i + 1}. {ROUTINE_BLOCK_LABELS[block.kind]}
            </h2>
            <p class="muted">{describeBlock(block)}</p>
            <BlockFields index={i} block={block} onChange={(b) => setBlock(i, b)} />
            <div class="in-progress-actions">
              <button
                type="button"
                class="button-small button-quiet"
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                Move up<span class="visually-hidden">: block {i + 1}</span>
              </button>
              <button
                type="button"
                class="button-small button-quiet"
                disabled={i === draft.blocks.length - 1}
                onClick={() => move(i, 1)}
              >
                Move down<span class="visually-hidden">: block {i + 1}</span>
              </button>
              <button
                type="button"
                class="button-small button-quiet"
                onClick={() =>
                  setDraft({ ...draft, blocks: draft.blocks.filter((_, j) => j !== i) })
                }
              >
                Remove<span class="visually-hidden">: block {i + 1}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      {draft.blocks.length < ROUTINE_MAX_BLOCKS && (
        <div class="form-actions">
          <LabelledField id="add-kind" label="Add a block">
            {(control) => (
              <select
                {...control}
                value={adding}
                onChange={(e) => setAdding(e.currentTarget.value as RoutineBlockKind)}
              >
                {ROUTINE_BLOCK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {ROUTINE_BLOCK_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </LabelledField>
          <button
            type="button"
            class="button-secondary"
            onClick={() => setDraft({ ...draft, blocks: [...draft.blocks, NEW_BLOCK[adding]] })}
          >
            Add
          </button>
        </div>
      )}
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          Save routine
        </button>
        <a href="/prepare">Try it now</a>
        {props.goalId && props.saved && (
          <button type="button" class="button-quiet" disabled={busy} onClick={removeOwn}>
            Use the default routine for this goal again
          </button>
        )}
      </div>
    </form>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  value: number | null | undefined;
  min: number;
  max: number;
  onChange: (n: number | null) => void;
}) {
  return (
    <LabelledField id={props.id} label={props.label}>
      {(control) => (
        <input
          {...control}
          type="number"
          class="input-short"
          min={props.min}
          max={props.max}
          value={props.value ?? ""}
          onInput={(e) => {
            const v = e.currentTarget.value;
            props.onChange(v === "" ? null : Number(v));
          }}
        />
      )}
    </LabelledField>
  );
}

function BlockFields(props: {
  index: number;
  block: RoutineBlock;
  onChange: (b: RoutineBlock) => void;
}) {
  const { block, index } = props;
  const id = (field: string) => `block-${index}-${field}`;
  if (block.kind === "breathing") {
    return (
      <>
        <LabelledField id={id("preset")} label="Pattern">
          {(control) => (
            <select
              {...control}
              value={block.preset}
              onChange={(e) => {
                const preset = e.currentTarget.value as BreathingPreset;
                props.onChange(
                  preset === "custom"
                    ? { ...block, preset, inhale: block.inhale ?? 4, exhale: block.exhale ?? 6 }
                    : { ...block, preset },
                );
              }}
            >
              {BREATHING_PRESETS.map((p) => (
                <option key={p} value={p}>
                  {BREATHING_PRESET_LABELS[p]}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        {block.preset === "custom" &&
          (["inhale", "hold", "exhale", "holdAfter"] as const).map((part) => (
            <NumberField
              key={part}
              id={id(part)}
              label={`${{ inhale: "Breathe in", hold: "Hold", exhale: "Breathe out", holdAfter: "Hold after" }[part]} (seconds)`}
              value={block[part]}
              min={BREATHING_BOUNDS[part].min}
              max={BREATHING_BOUNDS[part].max}
              onChange={(n) => props.onChange({ ...block, [part]: n })}
            />
          ))}
        {block.duration.unit === "cycles" ? (
          <NumberField
            id={id("cycles")}
            label="Breaths"
            value={block.duration.cycles}
            min={BREATHING_BOUNDS.cycles.min}
            max={BREATHING_BOUNDS.cycles.max}
            onChange={(n) =>
              props.onChange({ ...block, duration: { unit: "cycles", cycles: n ?? 0 } })
            }
          />
        ) : (
          <NumberField
            id={id("minutes")}
            label="Minutes"
            value={block.duration.minutes}
            min={BREATHING_BOUNDS.minutes.min}
            max={BREATHING_BOUNDS.minutes.max}
            onChange={(n) =>
              props.onChange({ ...block, duration: { unit: "minutes", minutes: n ?? 0 } })
            }
          />
        )}
        <button
          type="button"
          class="button-small button-quiet"
          onClick={() =>
            props.onChange({
              ...block,
              duration:
                block.duration.unit === "cycles"
                  ? { unit: "minutes", minutes: 2 }
                  : { unit: "cycles", cycles: 10 },
            })
          }
        >
          {block.duration.unit === "cycles" ? "Count minutes instead" : "Count breaths instead"}
        </button>
      </>
    );
  }
  if (block.kind === "rehearsal") {
    return (
      <>
        <LabelledField
          id={id("script")}
          label="Your script: see it, feel it"
          count={{ length: block.script.length, limit: 2000 }}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={block.script}
              onInput={(e) => props.onChange({ ...block, script: e.currentTarget.value })}
            />
          )}
        </LabelledField>
        <NumberField
          id={id("seconds")}
          label="Timer (seconds)"
          value={block.seconds}
          min={REHEARSAL_SECONDS.min}
          max={REHEARSAL_SECONDS.max}
          onChange={(n) => props.onChange({ ...block, seconds: n ?? 0 })}
        />
      </>
    );
  }
  if (block.kind === "warmup") {
    return (
      <LabelledField id={id("items")} label="Your items, one per line">
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={block.items.join("\n")}
            onInput={(e) =>
              props.onChange({
                ...block,
                items: e.currentTarget.value.split("\n").filter((l) => l.trim() !== ""),
              })
            }
          />
        )}
      </LabelledField>
    );
  }
  return null;
}
