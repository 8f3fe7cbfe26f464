import { api } from "../../api/client";

// Seeing a milestone is celebrating it: it leaves Today's "To celebrate" list. The page does not
// wait for the answer, but Today does, so it never offers a milestone the person just saw.
let sending: Promise<void> = Promise.resolve();

export function markSeen(milestoneId: string): void {
  sending = api.post(`/api/milestones/${encodeURIComponent(milestoneId)}/seen`).then(
    () => {},
    () => {
      // Not marked seen: Today keeps offering it, which does no harm.
    },
  );
}

/** Resolves once the last "seen" sent is answered (at once when none is on its way). */
export function seenSettled(): Promise<void> {
  return sending;
}
