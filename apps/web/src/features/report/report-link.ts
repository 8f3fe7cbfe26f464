/** The printable report's address for the person's choices (empty lists mean "all"). */
export function reportHref(choice: {
  from: string;
  to: string;
  goalIds: readonly string[];
  allGoals: boolean;
  sections: readonly string[];
}): string {
  const params = new URLSearchParams();
  if (choice.from) params.set("from", choice.from);
  if (choice.to) params.set("to", choice.to);
  if (!choice.allGoals && choice.goalIds.length > 0)
    params.set("goalIds", choice.goalIds.join(","));
  if (choice.sections.length > 0) params.set("sections", choice.sections.join(","));
  const query = params.toString();
  return query ? `/api/report.html?${query}` : "/api/report.html";
}

/** `YYYY-MM-DD` of a day `days` before `day`. */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
