import { LADDER_MODEL_VERSION } from "@cando/core";
import { type Db, goalsWithModelNotOfVersion, lockGoal } from "@cando/storage";
import { cachedModel, rebuildLadderModel } from "./replay";

/**
 * Replays and saves every stored ladder model that the current engine cannot use (written by an
 * older engine version, or damaged), a batch of goals at a time, each in its own transaction
 * under the goal's lock. Reads replay such a model on every view until it is saved, which costs
 * the goal's whole history each time; after an upgrade this brings every goal back to a read of
 * its stored model. Safe to run from several processes at once: a goal already replayed by
 * another is seen as current under the lock and left alone. Returns how many it replayed.
 */
export async function upgradeLadderModels(db: Db, batch = 100): Promise<number> {
  let replayed = 0;
  let after = "";
  for (;;) {
    const goals = await goalsWithModelNotOfVersion(db, LADDER_MODEL_VERSION, after, batch);
    for (const { id, userId } of goals) {
      const done = await db.transaction().execute(async (trx) => {
        const goal = await lockGoal(trx, userId, id);
        if (!goal || cachedModel(goal) !== undefined) return false;
        // The person changed nothing: the goal keeps its updatedAt.
        await rebuildLadderModel(trx, goal, goal.updatedAt);
        return true;
      });
      if (done) replayed++;
    }
    const last = goals.at(-1);
    if (!last || goals.length < batch) return replayed;
    after = last.id;
  }
}
