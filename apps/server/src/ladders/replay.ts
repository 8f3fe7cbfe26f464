import {
  type LadderFacts,
  type LadderModel,
  LadderModel as LadderModelSchema,
  replayLadderModel,
} from "@cando/core";
import { type Db, type GoalRow, listLadderFacts, updateGoal } from "@cando/storage";

/** The facts the goal's ladder model is replayed from, in two queries (`listLadderFacts`). */
export async function loadLadderFacts(db: Db, goal: GoalRow): Promise<LadderFacts> {
  return listLadderFacts(db, goal.id);
}

/** Replays the goal's ladder model from its facts and saves it, in the caller's transaction. */
export async function rebuildLadderModel(
  db: Db,
  goal: GoalRow,
  updatedAt: string,
): Promise<LadderModel | null> {
  const model = replayLadderModel(await loadLadderFacts(db, goal));
  await saveModel(db, goal, model, updatedAt);
  return model;
}

/** Parsed models by goal id, with the exact JSON they were parsed from (bounded, least recent out). */
const parsedModels = new Map<string, { json: string; model: LadderModel }>();
const PARSED_MODELS_MAX = 1000;

/**
 * The stored model, a cache of the replay: null when the ladder has no steps, undefined when the
 * JSON does not parse as the current model (damaged, or written by an older engine version), in
 * which case the caller replays instead of failing. Parsing and validating is memoised on the
 * goal id and the JSON itself (any change to the stored text is a miss), so a read of an
 * unchanged goal costs a string comparison; models are immutable (the engine is pure).
 */
export function cachedModel(goal: GoalRow): LadderModel | null | undefined {
  if (goal.model === null) return null;
  const known = parsedModels.get(goal.id);
  if (known && known.json === goal.model) {
    parsedModels.delete(goal.id);
    parsedModels.set(goal.id, known);
    return known.model;
  }
  let json: unknown;
  try {
    json = JSON.parse(goal.model);
  } catch {
    return undefined;
  }
  const parsed = LadderModelSchema.safeParse(json);
  if (!parsed.success) return undefined;
  parsedModels.delete(goal.id);
  parsedModels.set(goal.id, { json: goal.model, model: parsed.data });
  if (parsedModels.size > PARSED_MODELS_MAX) {
    const oldest = parsedModels.keys().next().value;
    if (oldest !== undefined) parsedModels.delete(oldest);
  }
  return parsed.data;
}

/** The model to show: the cache, or its replay when the cache is unusable (not saved: a read). */
export async function readLadderModel(db: Db, goal: GoalRow): Promise<LadderModel | null> {
  const cached = cachedModel(goal);
  return cached !== undefined ? cached : replayLadderModel(await loadLadderFacts(db, goal));
}

/** The model to update: the cache, or its replay saved in the caller's transaction. */
export async function writableLadderModel(
  db: Db,
  goal: GoalRow,
  updatedAt: string,
): Promise<LadderModel | null> {
  const cached = cachedModel(goal);
  return cached !== undefined ? cached : rebuildLadderModel(db, goal, updatedAt);
}

/** Stores the model (the cache) on the goal row and on the goal object the caller holds. */
export async function saveModel(
  db: Db,
  goal: GoalRow,
  model: LadderModel | null,
  updatedAt: string,
): Promise<void> {
  const json = model === null ? null : JSON.stringify(model);
  goal.model = json;
  goal.updatedAt = updatedAt;
  await updateGoal(db, goal.userId, goal.id, { model: json, updatedAt });
}
