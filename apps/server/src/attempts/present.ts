import {
  type Attempt,
  type AttributionInput,
  analyzeAttribution,
  type Debrief,
  type Evidence,
  type Outcome,
  type Reattribution,
} from "@cando/core";
import type { AttemptRow, DebriefRow, EvidenceRow } from "@cando/storage";

export function attributionsOf(row: DebriefRow): AttributionInput {
  return {
    effort: row.effort,
    strategy: row.strategy,
    ability: row.ability,
    luck: row.luck,
    help: row.help,
    easy: row.easy,
  };
}

export function presentDebrief(row: DebriefRow, outcome: Outcome): Debrief {
  const attributions = attributionsOf(row);
  const dismissed = new Set(JSON.parse(row.dismissedFlags) as string[]);
  return {
    attemptId: row.attemptId,
    didWell: row.didWell,
    capability: row.capability,
    differently: row.differently,
    attributions,
    reattribution: row.reattribution,
    prompts: analyzeAttribution(outcome, attributions).flags.map((f) => ({
      ...f,
      dismissed: dismissed.has(f.flag),
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function presentAttempt(row: AttemptRow, debrief: DebriefRow | undefined): Attempt {
  const outcome = row.outcome as Outcome;
  return {
    id: row.id,
    goalId: row.goalId,
    stepId: row.stepId,
    attemptedAt: row.attemptedAt,
    confidenceBefore: row.confidenceBefore,
    anxietyBefore: row.anxietyBefore,
    outcome,
    effort: row.effort,
    difficulty: row.difficulty,
    anxietyAfter: row.anxietyAfter,
    minutes: row.minutes,
    note: row.note,
    predictedSuccess: row.predictedSuccess,
    confidenceRated: (row.confidenceRated ?? null) as Attempt["confidenceRated"],
    energyBefore: row.energyBefore ?? null,
    sleepHours: row.sleepHours == null ? null : Number(row.sleepHours),
    debrief: debrief ? presentDebrief(debrief, outcome) : null,
    createdAt: row.createdAt,
  };
}

export function presentEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    source: row.source as Evidence["source"],
    attemptId: row.attemptId,
    domainId: row.domainId,
    goalId: row.goalId,
    stepId: row.stepId,
    title: row.title,
    body: row.body,
    occurredOn: row.occurredOn,
    ownership: row.ownership,
    effort: row.effort,
    reattribution:
      row.reattribution === null ? null : (JSON.parse(row.reattribution) as Reattribution),
    reflectionId: row.reflectionId ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
