import type { AttemptStart, Evidence, Routine, RoutineBlock } from "@cando/core";
import {
  BREATHING_PRESET_LABELS,
  cycleCount,
  ROUTINE_BLOCK_LABELS,
  type ScheduleBlock,
} from "@cando/core/constants";

// Pure helpers of Prepare: the routine Cando suggests, what a block says, request bodies.

export type PrepareResponse = {
  routine: Routine | null;
  evidence: Evidence[];
  predictedSuccess: number | null;
};
export type AttemptStartsResponse = { attemptStarts: AttemptStart[] };

/** The routine used until the person makes their own: a minute of resonance breathing. */
export const SUGGESTED_ROUTINE: { name: string; blocks: RoutineBlock[] } = {
  name: "Cando's suggested routine",
  blocks: [
    { kind: "breathing", preset: "resonance", duration: { unit: "minutes", minutes: 1 } },
    { kind: "evidence" },
    { kind: "state_check" },
  ],
};

/** The block as the schedule reads it. */
export function scheduleBlock(block: RoutineBlock): ScheduleBlock {
  if (block.kind === "breathing") return block;
  if (block.kind === "rehearsal") return { kind: "rehearsal", seconds: block.seconds };
  return { kind: block.kind };
}

/** One line saying what a block does, for lists and the editor. */
export function describeBlock(block: RoutineBlock): string {
  switch (block.kind) {
    case "breathing": {
      const d = block.duration;
      const length =
        d.unit === "cycles"
          ? `${d.cycles} breaths`
          : `${d.minutes} minute${d.minutes === 1 ? "" : "s"} (${cycleCount(block)} breaths)`;
      const pattern =
        block.preset === "custom"
          ? `in ${block.inhale} s${block.hold ? `, hold ${block.hold} s` : ""}, out ${block.exhale} s${block.holdAfter ? `, hold ${block.holdAfter} s` : ""}`
          : BREATHING_PRESET_LABELS[block.preset];
      return `${ROUTINE_BLOCK_LABELS.breathing}: ${pattern}, ${length}`;
    }
    case "rehearsal":
      return `${ROUTINE_BLOCK_LABELS.rehearsal}: ${formatSeconds(block.seconds)}`;
    case "warmup":
      return `${ROUTINE_BLOCK_LABELS.warmup}: ${block.items.length} item${block.items.length === 1 ? "" : "s"}`;
    default:
      return ROUTINE_BLOCK_LABELS[block.kind];
  }
}

/** 75 → "1:15". */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.round(total));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Hours slept as typed ("7", "6.5", "6,5"), in half hours from 0 to 24; null if not one. */
export function parseSleep(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d{1,2}(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  if (n > 24 || Math.round(n * 2) !== n * 2) return null;
  return n;
}

export type StartDraft = {
  confidenceBefore: number | null;
  anxietyBefore: number | null;
  energyBefore: number | null;
  sleep: string;
};

export function startBody(
  draft: StartDraft,
  stepId: string,
  idempotencyKey: string,
  routineRunId: string | null,
): Record<string, unknown> {
  const body: Record<string, unknown> = { stepId, idempotencyKey };
  if (draft.confidenceBefore !== null) body.confidenceBefore = draft.confidenceBefore;
  if (draft.anxietyBefore !== null) body.anxietyBefore = draft.anxietyBefore;
  if (draft.energyBefore !== null) body.energyBefore = draft.energyBefore;
  const sleep = parseSleep(draft.sleep);
  if (sleep !== null) body.sleepHours = sleep;
  if (routineRunId !== null) body.routineRunId = routineRunId;
  return body;
}

/** The start page; after a routine, with the run and its state check to fill in. */
export function startPath(
  goalId: string,
  stepId: string,
  run?: { id: string; anxiety: number | null; energy: number | null; sleepHours: number | null },
): string {
  const base = `/goals/${encodeURIComponent(goalId)}/steps/${encodeURIComponent(stepId)}/start`;
  if (!run) return base;
  const query = new URLSearchParams({ run: run.id });
  if (run.anxiety !== null) query.set("anxiety", String(run.anxiety));
  if (run.energy !== null) query.set("energy", String(run.energy));
  if (run.sleepHours !== null) query.set("sleep", String(run.sleepHours));
  return `${base}?${query}`;
}

/** A 0–10 rating carried in a query, or null. */
export function queryRating(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,2}$/.test(value)) return null;
  const n = Number(value);
  return n <= 10 ? n : null;
}
export const finishPath = (startId: string) => `/in-progress/${encodeURIComponent(startId)}`;
export const runnerPath = (goalId?: string, stepId?: string) =>
  goalId && stepId
    ? `/prepare?goalId=${encodeURIComponent(goalId)}&stepId=${encodeURIComponent(stepId)}`
    : "/prepare";

const FIELD_WORDS: Record<string, string> = {
  inhale: "Breathe in",
  hold: "Hold",
  exhale: "Breathe out",
  holdAfter: "Hold after",
  cycles: "Breaths",
  minutes: "Minutes",
  seconds: "Timer",
  script: "Your script",
  items: "Your items",
  preset: "Pattern",
  name: "Name",
  blocks: "Blocks",
};

/** An API problem in the person's words: `blocks.0.duration.minutes` → "Block 1, Minutes". */
export function routineProblem(path: string, message: string): string {
  const parts = path.split(".");
  const last = parts[parts.length - 1] ?? "";
  const field = FIELD_WORDS[last] ?? last;
  if (parts[0] === "blocks" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const block = `Block ${Number(parts[1]) + 1}`;
    return parts.length === 2 ? `${block}: ${message}` : `${block}, ${field}: ${message}`;
  }
  return path ? `${field}: ${message}` : message;
}
