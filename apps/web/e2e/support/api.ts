import { randomUUID } from "node:crypto";
import type { Attempt, Audit, Domain, Evidence, Goal, LadderView } from "@cando/core";
import type { APIRequestContext } from "playwright-core";

export const PASSWORD = "steady-progress-42";

export function uniqueEmail(): string {
  return `person-${randomUUID().slice(0, 8)}@example.com`;
}

/**
 * Calls the API with a browser context's cookies, for setting up a test quickly. Sends
 * Origin like the app's own fetch does, because the server checks it on state changes.
 */
export function apiAs(request: APIRequestContext, baseUrl: string) {
  const headers = { Origin: baseUrl, "Content-Type": "application/json" };
  async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
    if (!response.ok()) {
      throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
    }
    return (await response.json()) as T;
  }
  return {
    signup: async (email: string, password = PASSWORD) =>
      json(await request.post("/api/auth/signup", { headers, data: { email, password } })),
    domains: async () =>
      (await json<{ domains: Domain[] }>(await request.get("/api/domains"))).domains,
    takeAudit: async (ratings: { domainId: string; rating: number }[], note?: string) =>
      (
        await json<{ audit: Audit }>(
          await request.post("/api/audits", { headers, data: { ratings, note } }),
        )
      ).audit,
    createGoal: async (data: { domainId: string; statement: string; outcome?: string }) =>
      (await json<{ goal: Goal }>(await request.post("/api/goals", { headers, data }))).goal,
    buildLadder: async (goalId: string, steps: { title: string; confidence?: number | null }[]) =>
      (
        await json<{ ladder: LadderView }>(
          await request.put(`/api/goals/${goalId}/ladder`, { headers, data: { steps } }),
        )
      ).ladder,
    logAttempt: async (data: {
      stepId: string;
      outcome: "done" | "partly" | "not_yet";
      effort?: number;
      difficulty?: number;
      confidenceBefore?: number | null;
      anxietyBefore?: number | null;
      attemptedAt?: string;
    }) =>
      json<{ attempt: Attempt; ladder: LadderView }>(
        await request.post("/api/attempts", {
          headers,
          data: { effort: 3, difficulty: 3, ...data },
        }),
      ),
    debrief: async (attemptId: string, attributions: Record<string, number>, didWell = "") =>
      json<{ attempt: Attempt; evidence: Evidence | null }>(
        await request.put(`/api/attempts/${attemptId}/debrief`, {
          headers,
          data: { didWell, attributions },
        }),
      ),
    /** Any GET of the API, for asserting what the server stored. */
    get: async <T>(path: string) => json<T>(await request.get(path)),
    addEvidence: async (data: {
      domainId: string;
      goalId?: string;
      title: string;
      body?: string;
      occurredOn: string;
      ownership: number;
    }) =>
      (await json<{ evidence: Evidence }>(await request.post("/api/evidence", { headers, data })))
        .evidence,
  };
}
