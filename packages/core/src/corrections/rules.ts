/** How long a deletion can be undone. After it the deleted rows are purged. */
export const UNDO_WINDOW_MINUTES = 10;

/** What can be deleted with an undo: a goal is deleted for good, after typing its name. */
export const DELETION_KINDS = ["attempt", "evidence", "audit"] as const;
export type DeletionKind = (typeof DELETION_KINDS)[number];

/** The goal-delete confirmation: the typed name matches the goal's statement, spaces aside. */
export function confirmsGoalName(typed: string, statement: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  return norm(typed) !== "" && norm(typed) === norm(statement);
}
