import { z } from "zod";
import { Outcome } from "../attempts/schema";
import { Rating } from "../audits/schema";
import { Id, Instant, requiredText, text, wholeNumber } from "../shared";
import {
  BREATHING_BOUNDS as B,
  BREATHING_PRESETS,
  REHEARSAL_SECONDS,
  ROUTINE_BLOCK_KINDS,
  ROUTINE_MAX_BLOCKS,
  WARMUP_MAX_ITEMS,
} from "./rules";

const seconds = (bounds: { min: number; max: number }, what: string) =>
  wholeNumber(bounds.min, bounds.max).describe(`${what}, in seconds (${bounds.min}–${bounds.max})`);

export const BreathingBlock = z.object({
  kind: z.literal("breathing"),
  preset: z.enum(BREATHING_PRESETS, { error: `must be one of ${BREATHING_PRESETS.join(", ")}` }),
  // The person's own pattern (preset "custom"); a preset's own seconds are fixed.
  inhale: seconds(B.inhale, "Breathe in").nullable().optional(),
  hold: seconds(B.hold, "Hold after breathing in").nullable().optional(),
  exhale: seconds(B.exhale, "Breathe out").nullable().optional(),
  holdAfter: seconds(B.holdAfter, "Hold after breathing out").nullable().optional(),
  duration: z.discriminatedUnion(
    "unit",
    [
      z.object({
        unit: z.literal("cycles"),
        cycles: wholeNumber(B.cycles.min, B.cycles.max).describe("How many breaths"),
      }),
      z.object({
        unit: z.literal("minutes"),
        minutes: wholeNumber(B.minutes.min, B.minutes.max).describe(
          "How many minutes (as many whole breaths as come closest)",
        ),
      }),
    ],
    { error: "must be { unit: cycles, cycles } or { unit: minutes, minutes }" },
  ),
});
export type BreathingBlock = z.infer<typeof BreathingBlock>;

export const EvidenceBlock = z.object({ kind: z.literal("evidence") });
export const RehearsalBlock = z.object({
  kind: z.literal("rehearsal"),
  script: text(2000).default("").describe("The person's own script: see it, feel it"),
  seconds: seconds(REHEARSAL_SECONDS, "The rehearsal timer"),
});
export const WarmupBlock = z.object({
  kind: z.literal("warmup"),
  items: z
    .array(requiredText(200))
    .min(1, { error: "needs at least one item" })
    .max(WARMUP_MAX_ITEMS, { error: `must have at most ${WARMUP_MAX_ITEMS} items` }),
});
export const StateCheckBlock = z.object({ kind: z.literal("state_check") });

export const RoutineBlock = z.discriminatedUnion(
  "kind",
  [BreathingBlock, EvidenceBlock, RehearsalBlock, WarmupBlock, StateCheckBlock],
  { error: `must be one of ${ROUTINE_BLOCK_KINDS.join(", ")}` },
);
export type RoutineBlock = z.infer<typeof RoutineBlock>;

export const RoutineInput = z
  .object({
    name: requiredText(100),
    blocks: z
      .array(RoutineBlock)
      .min(1, { error: "needs at least one block" })
      .max(ROUTINE_MAX_BLOCKS, { error: `must have at most ${ROUTINE_MAX_BLOCKS} blocks` }),
  })
  .superRefine((routine, ctx) => {
    routine.blocks.forEach((block, i) => {
      if (block.kind !== "breathing") return;
      const at = (field: string, message: string) =>
        ctx.addIssue({ code: "custom", path: ["blocks", i, field], message });
      if (block.preset === "custom") {
        if (block.inhale == null) at("inhale", "is required for your own pattern");
        if (block.exhale == null) at("exhale", "is required for your own pattern");
      }
    });
  });
export type RoutineInput = z.infer<typeof RoutineInput>;

export const Routine = z.object({
  id: z.string(),
  goalId: z.string().nullable().describe("null: the person's default routine"),
  name: z.string(),
  blocks: z.array(RoutineBlock),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Routine = z.infer<typeof Routine>;

const zeroToTen = wholeNumber(0, 10);
export const SleepHours = z
  .number({ error: "must be a number from 0 to 24" })
  .min(0, { error: "must be at least 0" })
  .max(24, { error: "must be at most 24" })
  .multipleOf(0.5, { error: "must be in half hours" });

export const RoutineRunBlock = z.object({
  kind: z.enum(ROUTINE_BLOCK_KINDS),
  done: z.boolean().describe("false: skipped"),
});

export const RoutineRunInput = z.object({
  routineId: Id.nullable().optional(),
  stepId: Id.nullable().optional().describe("The step about to be attempted, if any"),
  startedAt: Instant,
  durationSeconds: wholeNumber(0, 4 * 3600),
  blocks: z.array(RoutineRunBlock).min(1).max(ROUTINE_MAX_BLOCKS),
  anxiety: zeroToTen.nullable().optional(),
  energy: zeroToTen.nullable().optional(),
  sleepHours: SleepHours.nullable().optional(),
});
export type RoutineRunInput = z.infer<typeof RoutineRunInput>;

export const RoutineRun = z.object({
  id: z.string(),
  routineId: z.string().nullable(),
  goalId: z.string().nullable(),
  stepId: z.string().nullable(),
  attemptId: z.string().nullable().describe("The attempt that followed, once finished"),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationSeconds: z.number().int(),
  blocks: z.array(RoutineRunBlock),
  blocksDone: z.number().int(),
  anxiety: z.number().int().nullable(),
  energy: z.number().int().nullable(),
  sleepHours: z.number().nullable(),
});
export type RoutineRun = z.infer<typeof RoutineRun>;

/** "Start an attempt": the before part, saved at once. */
export const AttemptStartInput = z.object({
  stepId: Id,
  idempotencyKey: z
    .string({ error: "must be text" })
    .min(8, { error: "must be at least 8 characters" })
    .max(100, { error: "must be at most 100 characters" })
    .optional()
    .describe("Client-chosen; a retried start with the same key returns the first"),
  confidenceBefore: Rating.nullable().optional().describe("Confidence now, 0–100"),
  anxietyBefore: zeroToTen.nullable().optional(),
  energyBefore: zeroToTen.nullable().optional(),
  sleepHours: SleepHours.nullable().optional(),
  routineRunId: Id.nullable().optional().describe("The routine just done, if any"),
});
export type AttemptStartInput = z.infer<typeof AttemptStartInput>;

export const AttemptStart = z.object({
  id: z.string(),
  goalId: z.string(),
  stepId: z.string(),
  stepTitle: z.string(),
  goalStatement: z.string(),
  confidenceBefore: z.number().int().nullable(),
  anxietyBefore: z.number().int().nullable(),
  energyBefore: z.number().int().nullable(),
  sleepHours: z.number().nullable(),
  routineRunId: z.string().nullable(),
  predictedSuccess: z.number().nullable().describe("The engine's p(success) when started"),
  startedAt: z.string(),
});
export type AttemptStart = z.infer<typeof AttemptStart>;

/** "How it went": finishing an attempt in progress. */
export const AttemptFinishInput = z.object({
  attemptedAt: Instant.optional().describe(
    "When it was done; defaults to now; not before the start, not in the future",
  ),
  outcome: Outcome,
  effort: wholeNumber(1, 5).describe("How much effort it took, 1–5"),
  difficulty: wholeNumber(1, 5).describe("How hard it felt, 1–5"),
  anxietyAfter: zeroToTen.nullable().optional(),
  minutes: wholeNumber(0, 1440).nullable().optional(),
  note: text(2000).default(""),
});
export type AttemptFinishInput = z.infer<typeof AttemptFinishInput>;

const PrepGroupOut = z.object({ count: z.number().int(), successPercent: z.number().nullable() });

/** Mirror of `preparationInsights` (prepare/insights.ts). */
export const PreparationOut = z.object({
  anxietyDrop: z.object({
    attempts: z.number().int(),
    meanBefore: z.number().nullable(),
    meanAfter: z.number().nullable(),
    drop: z.number().nullable().describe("Mean anxiety before − after, 0–10 scale"),
    enough: z.boolean(),
    sentence: z.string(),
  }),
  routine: z.object({
    withRoutine: PrepGroupOut,
    without: PrepGroupOut,
    difference: z.number().nullable(),
    enough: z.boolean(),
    sentence: z.string(),
  }),
  nerves: z.object({
    successes: z.number().int(),
    anxiousSuccesses: z.number().int(),
    highAt: z.number().int(),
    enough: z.boolean(),
    sentence: z.string(),
  }),
  ratedBefore: z.object({
    before: z.number().int(),
    after: z.number().int(),
    unknown: z.number().int(),
    sentence: z.string(),
  }),
});
