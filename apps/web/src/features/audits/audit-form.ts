import type { Domain, FieldProblem } from "@cando/core";
import { RATING_ANCHORS, RATING_STEP } from "@cando/core/constants";
import { fieldMessage } from "../../ui/format";

/** The points of Bandura's scale: 0, 10, … 100. */
export const RATING_VALUES: readonly number[] = Array.from(
  { length: 100 / RATING_STEP + 1 },
  (_, i) => i * RATING_STEP,
);

/** The scale's verbal anchors (0, 50, 100), as value and text. */
export const ANCHORS: readonly { value: number; text: string }[] = Object.entries(RATING_ANCHORS)
  .map(([value, text]) => ({ value: Number(value), text }))
  .sort((a, b) => a.value - b.value);

export type Ratings = Record<string, number | undefined>;

/** Active domains still without a rating; an audit rates every one of them. */
export function unratedDomains(domains: Domain[], ratings: Ratings): Domain[] {
  return domains.filter((d) => ratings[d.id] === undefined);
}

/** The body of `POST /api/audits`: one rating per domain, in order, and the note if any. */
export function buildAuditInput(
  domains: Domain[],
  ratings: Ratings,
  note: string,
): { ratings: { domainId: string; rating: number }[]; note?: string } {
  const body: { ratings: { domainId: string; rating: number }[]; note?: string } = {
    ratings: domains.flatMap((d) => {
      const rating = ratings[d.id];
      return rating === undefined ? [] : [{ domainId: d.id, rating }];
    }),
  };
  if (note.trim() !== "") body.note = note.trim();
  return body;
}

export type AuditProblems = {
  byDomain: Record<string, string>;
  note: string | null;
  other: string[];
};

/**
 * Places the server's field problems on the form: `ratings.<i>.*` on the fieldset of the
 * i-th submitted domain, `note` on the note, anything else in the summary.
 */
export function auditProblems(
  fields: FieldProblem[],
  submitted: { domainId: string }[],
): AuditProblems {
  const problems: AuditProblems = { byDomain: {}, note: null, other: [] };
  for (const field of fields) {
    const match = /^ratings\.(\d+)(?:\.(\w+))?$/.exec(field.path);
    const domainId = match ? submitted[Number(match[1])]?.domainId : undefined;
    if (domainId !== undefined) {
      const label = match?.[2] === "domainId" ? "Domain" : "Rating";
      problems.byDomain[domainId] ??= fieldMessage(label, field.message);
    } else if (field.path === "note") {
      problems.note ??= fieldMessage("Note", field.message);
    } else {
      const label = field.path === "ratings" ? "Ratings" : field.path;
      problems.other.push(label === "" ? field.message : fieldMessage(label, field.message));
    }
  }
  return problems;
}
