import { randomUUID } from "node:crypto";
import type { Audit, Domain } from "@cando/core";
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
  };
}
