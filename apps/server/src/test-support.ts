import type { Clock } from "@cando/core";
import type { Db } from "@cando/storage";
import { createApp } from "./app";
import { argon2Hasher } from "./auth/passwords";
import { LoginLimiter, type LoginLimits } from "./auth/rate-limit";
import type { App } from "./context";

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date("2026-11-22T09:00:00.000Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

let idCounter = 0;

export interface TestApp {
  app: App;
  clock: TestClock;
  db: Db;
}

/** The real app over a test database, with a hand-moved clock and a cheap argon2 cost. */
export function buildTestApp(
  db: Db,
  options: { trustProxy?: boolean; limits?: LoginLimits; webRoot?: string } = {},
): TestApp {
  const clock = new TestClock();
  const app = createApp(
    {
      db,
      clock,
      newId: () => `id-${++idCounter}`,
      passwords: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
      limiter: new LoginLimiter(clock, options.limits),
      trustProxy: options.trustProxy ?? false,
    },
    options.webRoot ? { webRoot: options.webRoot } : {},
  );
  return { app, clock, db };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely on purpose
type Loose = any;

type Send = (path: string, init: RequestInit) => Promise<Response> | Response;

/**
 * A browser-like caller: keeps its session cookie and sends a same-origin Origin header.
 * In process through `app.request()`, or over real HTTP with `TestClient.http(baseUrl)`.
 */
export class TestClient {
  cookie: string | undefined;
  private readonly send: Send;

  constructor(
    app: App | Send,
    private readonly origin: string | null = "http://localhost",
  ) {
    this.send = typeof app === "function" ? app : (path, init) => app.request(path, init);
  }

  /** A client of a real server: requests go through a socket, as from a browser on that origin. */
  static http(baseUrl: string): TestClient {
    return new TestClient((path, init) => fetch(`${baseUrl}${path}`, init), baseUrl);
  }

  async call<T = Loose>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const all: Record<string, string> = { ...headers };
    if (this.origin) all.origin ??= this.origin;
    if (this.cookie) all.cookie = this.cookie;
    if (body !== undefined && typeof body !== "string") all["content-type"] ??= "application/json";
    const res = await this.send(path, {
      method,
      headers: all,
      ...(body === undefined
        ? {}
        : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie?.startsWith("cando_session=")) {
      const value = setCookie.split(";")[0] ?? "";
      this.cookie = value === "cando_session=" ? undefined : value;
    }
    const text = await res.text();
    const parsed =
      text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = Loose>(path: string) {
    return this.call<T>("GET", path);
  }
  post<T = Loose>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call<T>("POST", path, body, headers);
  }
  patch<T = Loose>(path: string, body?: unknown) {
    return this.call<T>("PATCH", path, body);
  }
}

let emailCounter = 0;
export const uniqueEmail = (name = "person") => `${name}-${++emailCounter}@example.test`;
export const GOOD_PASSWORD = "a long walk at dawn";

/** Signs a new person up and returns their logged-in client. */
export async function signedUp(app: App | TestClient, email = uniqueEmail()): Promise<TestClient> {
  const client = app instanceof TestClient ? app : new TestClient(app);
  const res = await client.post("/api/auth/signup", { email, password: GOOD_PASSWORD });
  if (res.status !== 201) throw new Error(`signup failed: ${JSON.stringify(res.body)}`);
  return client;
}

export interface LadderFixture {
  goalId: string;
  domainId: string;
  stepIds: string[];
}

/** A goal in the person's first domain with a ladder of the given confidences (easiest first). */
export async function goalWithLadder(
  client: TestClient,
  confidences: (number | null)[] = [80, 60, 40, 20],
): Promise<LadderFixture> {
  const domainId = (await client.get("/api/domains")).body.domains[0].id as string;
  const goal = await client.post("/api/goals", {
    domainId,
    statement: "I can give a clear 10-minute talk to a room of ten or more",
    outcome: "Ten people heard it and could say back the main point",
  });
  if (goal.status !== 201) throw new Error(`goal: ${JSON.stringify(goal.body)}`);
  const goalId = goal.body.goal.id as string;
  const ladder = await client.call("PUT", `/api/goals/${goalId}/ladder`, {
    steps: confidences.map((confidence, i) => ({ title: `Step ${i + 1}`, confidence })),
  });
  if (ladder.status !== 201) throw new Error(`ladder: ${JSON.stringify(ladder.body)}`);
  return { goalId, domainId, stepIds: ladder.body.ladder.steps.map((s: { id: string }) => s.id) };
}

export function attemptBody(stepId: string, overrides: Record<string, unknown> = {}) {
  return {
    stepId,
    outcome: "done",
    effort: 3,
    difficulty: 3,
    confidenceBefore: 60,
    anxietyBefore: 4,
    ...overrides,
  };
}
