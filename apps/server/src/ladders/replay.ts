import {
  type LadderFacts,
  type LadderModel,
  LadderModel as LadderModelSchema,
  replayLadderModel,
} from "@cando/core";
import { type Db, type GoalRow, listLadderFacts, updateGoalModel } from "@cando/storage";

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

/**
 * The stored model, a cache of the replay: null when the ladder has no steps, undefined when the
 * JSON does not parse as the current model (damaged, or written by an older engine version), in
 * which case the caller replays instead of failing. Parsing and validating is memoised on the
 * JSON itself (any change to the stored text is a miss): see `remember`.
 */
export function cachedModel(goal: GoalRow): LadderModel | null | undefined {
  if (goal.model === null) return null;
  const known = parsedModels.get(goal.model);
  if (known) return known;
  let json: unknown;
  try {
    json = JSON.parse(goal.model);
  } catch {
    return undefined;
  }
  const parsed = LadderModelSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return remember(goal.model, parsed.data);
}

// Models by the JSON they were parsed from or saved as, the most recently used last: the next
// request that reads a model this process just wrote or read (the debrief after its attempt, the
// next attempt, Today after either) does not parse and validate it again (about 0.4 ms for a
// ten-step ladder). A small LRU, so memory stays bounded; the models are frozen, so no caller can
// change one that another shares (the engine's functions return new models, never edit them).
// 1,000: a coach's list of 200 clients with a few goals each stays parsed.
const MODELS_KEPT = 1000;
const parsedModels = new Map<string, LadderModel>();

function remember(json: string, model: LadderModel): LadderModel {
  parsedModels.delete(json);
  parsedModels.set(json, deepFreeze(model));
  if (parsedModels.size > MODELS_KEPT) {
    const oldest = parsedModels.keys().next().value;
    if (oldest !== undefined) parsedModels.delete(oldest);
  }
  return model;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
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
  if (json !== null && model !== null) remember(json, model);
  goal.model = json;
  goal.updatedAt = updatedAt;
  await updateGoalModel(db, goal.userId, goal.id, json, updatedAt);
}
