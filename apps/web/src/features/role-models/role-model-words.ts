import type { LinkedStep, RoleModel, StepRoleModel } from "@cando/core";

// Pure helpers of the role-model pages (tested without a browser).

export type LinkedStepOption = LinkedStep;

/** "Sam, a colleague · 80 similar · about a year ahead · from work": the facts that are filled in. */
export function roleModelFacts(m: Pick<RoleModel, "similarity" | "ahead" | "knownFrom">): string[] {
  return [
    `${m.similarity} of 100 similar start`,
    m.ahead !== "" ? `${m.ahead} ahead` : null,
    m.knownFrom !== "" ? `known from ${m.knownFrom}` : null,
  ].filter((f) => f !== null);
}

/** The options of the "matches my step" select: none, then each goal's steps in ladder order. */
export function stepOptions(steps: readonly LinkedStep[]): { value: string; label: string }[] {
  const options = [{ value: "", label: "Not linked to a step of mine" }];
  for (const s of steps) {
    options.push({ value: s.id, label: `${s.title} (${shorten(s.goalStatement, 40)})` });
  }
  return options;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "did this in her third month": what a role model did at one of my steps, in one line. */
export function didLine(entry: Pick<StepRoleModel, "what" | "timing">): string {
  return entry.timing === "" ? entry.what : `${entry.what} (${entry.timing})`;
}

/** The role-model entries of a goal, grouped by the step they are linked to. */
export function byStep(entries: readonly StepRoleModel[]): Map<string, StepRoleModel[]> {
  const map = new Map<string, StepRoleModel[]>();
  for (const e of entries) {
    const list = map.get(e.stepId) ?? [];
    list.push(e);
    map.set(e.stepId, list);
  }
  return map;
}
