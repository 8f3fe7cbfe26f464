/**
 * The first-run path, after the starter protocol: a short welcome, the audit, one domain, one
 * "I can …" goal, its first three steps, and the first step scheduled within a week. Every
 * step can be skipped; the steps after the goal need a goal, so skipping it ends the path.
 */
export const WELCOME_STEPS = ["welcome", "audit", "domain", "goal", "ladder", "schedule"] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];

export const WELCOME_LABELS: Record<WelcomeStep, string> = {
  welcome: "Welcome",
  audit: "Rate your areas of life",
  domain: "Choose one domain",
  goal: "Set one goal",
  ladder: "Plan your first three steps",
  schedule: "Schedule your first step",
};

/** The step named in the address, or the first when it names none (or one we do not know). */
export function parseWelcomeStep(value: string | undefined): WelcomeStep {
  return WELCOME_STEPS.find((s) => s === value) ?? "welcome";
}

/** Where the path goes after `step`: the next step, or "done" (to Today). */
export function nextWelcomeStep(step: WelcomeStep, hasGoal: boolean): WelcomeStep | "done" {
  const next = WELCOME_STEPS[WELCOME_STEPS.indexOf(step) + 1];
  if (next === undefined) return "done";
  if ((next === "ladder" || next === "schedule") && !hasGoal) return "done";
  return next;
}

/** "Step 3 of 6": where the person is, for the progress line. */
export function welcomeProgress(step: WelcomeStep): {
  number: number;
  total: number;
  text: string;
} {
  const number = WELCOME_STEPS.indexOf(step) + 1;
  const total = WELCOME_STEPS.length;
  return { number, total, text: `Step ${number} of ${total}: ${WELCOME_LABELS[step]}` };
}

/** The address of a step, carrying the chosen domain and the goal made so far. */
export function welcomePath(step: WelcomeStep, keep: { domain?: string; goal?: string }): string {
  const query = new URLSearchParams({ step });
  if (keep.domain) query.set("domain", keep.domain);
  if (keep.goal) query.set("goal", keep.goal);
  return `/welcome?${query.toString()}`;
}

const DAY_MS = 86_400_000;

/** A day `days` after `today` (both `YYYY-MM-DD`). */
export function addDays(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The quick choices for the first step's day: all within a week. */
export function scheduleChoices(today: string): { label: string; day: string }[] {
  return [
    { label: "Tomorrow", day: addDays(today, 1) },
    { label: "In 3 days", day: addDays(today, 3) },
    { label: "In a week", day: addDays(today, 7) },
  ];
}
