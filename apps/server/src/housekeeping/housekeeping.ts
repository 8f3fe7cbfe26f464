import type { Clock } from "@cando/core";
import {
  type Db,
  deleteExpiredPasswordResets,
  deleteExpiredSessions,
  purgeExpiredDeletions,
} from "@cando/storage";
import { upgradeLadderModels } from "../ladders/upgrade";

/** How often the server sweeps: the undo window is minutes, so deleted data goes within ~15. */
export const HOUSEKEEPING_EVERY_MS = 5 * 60_000;

export interface Swept {
  deletions: number;
  sessions: number;
  passwordResets: number;
}

/**
 * One sweep of what has run out: deleted rows kept for undo past their window (the person
 * deleted them; they must not linger), expired sessions, expired reset links. Each is one
 * indexed delete, safe to run from several server processes at once.
 */
export async function sweep(db: Db, now: Date): Promise<Swept> {
  const at = now.toISOString();
  return {
    deletions: await purgeExpiredDeletions(db, at),
    sessions: await deleteExpiredSessions(db, at),
    passwordResets: await deleteExpiredPasswordResets(db, at),
  };
}

/**
 * Sweeps now and then every `everyMs` until stopped; a failed sweep is logged, not fatal. At
 * start it also brings ladder models written by an older engine up to date (once: a server
 * process only ever writes its own engine's version).
 */
export function startHousekeeping(
  db: Db,
  clock: Clock,
  everyMs = HOUSEKEEPING_EVERY_MS,
  log: (message: string) => void = console.error,
): () => void {
  const run = () =>
    sweep(db, clock.now()).catch((error: unknown) => {
      log(`Cando housekeeping failed (will retry): ${(error as Error).message}`);
    });
  void run();
  void upgradeLadderModels(db).then(
    (n) => n > 0 && log(`Cando: replayed ${n} ladder model(s) written by an older engine version`),
    (error: unknown) =>
      log(`Cando could not replay older ladder models: ${(error as Error).message}`),
  );
  const timer = setInterval(run, everyMs);
  timer.unref(); // never keeps the process alive on its own
  return () => clearInterval(timer);
}
