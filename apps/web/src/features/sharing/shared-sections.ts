import type { Sections } from "@cando/core";

const ORDER = ["debriefs", "evidence", "audits", "reflections"] as const;

/** What a shared view holds, in words, for the notice above it. */
export function sharedSectionsText(sections: Sections): string {
  const on = ORDER.filter((k) => sections[k]);
  const always = "the goal, ladder, outcomes and next step";
  if (on.length === 0) return `${always} only`;
  const last = on.pop();
  return `${always}, and ${on.length > 0 ? `${on.join(", ")} and ${last}` : last}`;
}
