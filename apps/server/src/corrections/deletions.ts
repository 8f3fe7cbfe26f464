import { ConflictError, type DeletionKind, UNDO_WINDOW_MINUTES, type Undo } from "@cando/core";
import {
  type AttemptRow,
  type AuditRow,
  type Db,
  type DebriefRow,
  type EvidenceRow,
  insertDeletion,
  purgeExpiredDeletions,
  type UserRow,
} from "@cando/storage";
import type { AppDeps } from "../context";

/** What a deletion keeps, per kind, so that undo puts back exactly what was there. */
export type DeletedRows =
  | {
      kind: "attempt";
      attempt: AttemptRow;
      debrief: DebriefRow | null;
      evidence: EvidenceRow[];
    }
  | { kind: "evidence"; evidence: EvidenceRow }
  | {
      kind: "audit";
      audit: AuditRow;
      ratings: { domainId: string; rating: number }[];
    };

/**
 * Keeps the deleted rows for the undo window and answers how to undo. Expired deletions (anyone's)
 * are purged on the way, so deleted data does not linger past its window.
 */
export async function keepForUndo(
  db: Db,
  deps: Pick<AppDeps, "clock" | "newId">,
  user: UserRow,
  rows: DeletedRows,
): Promise<Undo> {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + UNDO_WINDOW_MINUTES * 60_000).toISOString();
  await purgeExpiredDeletions(db, now.toISOString());
  const id = deps.newId();
  await insertDeletion(db, {
    id,
    userId: user.id,
    kind: rows.kind,
    payload: JSON.stringify(rows),
    deletedAt: now.toISOString(),
    expiresAt: until,
  });
  return { deletionId: id, kind: rows.kind satisfies DeletionKind, until };
}

/** The rows of a deletion, as kept by `keepForUndo` (written by this server only). */
export function deletedRows(payload: string): DeletedRows {
  const rows = JSON.parse(payload) as DeletedRows;
  if (rows.kind !== "attempt" && rows.kind !== "evidence" && rows.kind !== "audit") {
    throw new ConflictError("undo_unavailable", "This deletion can no longer be undone.");
  }
  return rows;
}
