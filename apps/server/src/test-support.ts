import type { AddressInfo } from "node:net";
import type { Clock } from "@cando/core";
import type { Db } from "@cando/storage";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { argon2Hasher } from "./auth/passwords";
import { type AuthPolicy, DEFAULT_AUTH_POLICY } from "./auth/policy";
import type { App } from "./context";
import { type Deployment, deploymentFrom, TEST_DEPLOYMENT } from "./http/deployment";

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date("2026-11-22T09:00:00.000Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

let idCounter = 0;

const RELAXED_SIGNUP = { ...DEFAULT_AUTH_POLICY.signup, free: 1_000_000 };
// Tests of other features jump the clock by weeks; the session tests pass the real lifetimes.
const RELAXED_SESSIONS = { idleMs: 30 * 86_400_000, absoluteMs: 3650 * 86_400_000 };

export interface TestApp {
  app: App;
  clock: TestClock;
  db: Db;
}

/** The real app over a test database, with a hand-moved clock and a cheap argon2 cost. */
export function buildTestApp(
  db: Db,
  options: {
    deployment?: Partial<Deployment>;
    auth?: Partial<AuthPolicy>;
    webRoot?: string;
    signup?: "open" | "closed";
  } = {},
): TestApp {
  const clock = new TestClock();
  const app = createApp(
    {
      db,
      clock,
      newId: () => `id-${++idCounter}`,
      passwords: argon2Hasher({ memoryCost: 1024, timeCost: 1 }),
      deployment: { ...TEST_DEPLOYMENT, ...options.deployment },
      // Every test signs people up from one (socketless) address, and many jump the clock by
      // weeks: the tests of the sign-up limit and of session lifetimes pass the real rules.
      auth: {
        ...DEFAULT_AUTH_POLICY,
        signup: RELAXED_SIGNUP,
        session: RELAXED_SESSIONS,
        ...options.auth,
      },
      deviceKey: "a test key, not a secret",
      signup: options.signup ?? "open",
    },
    options.webRoot ? { webRoot: options.webRoot } : {},
  );
  return { app, clock, db };
}

export interface ServedTestApp extends TestApp {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The test app behind a real HTTP server on 127.0.0.1. It listens first, so the app knows its
 * own origin (exact-origin CSRF and the Host check need the port).
 */
export async function serveTestApp(
  db: Db,
  options: Parameters<typeof buildTestApp>[1] = {},
): Promise<ServedTestApp> {
  let target: App | undefined;
  const server = serve({
    fetch: (request, env) => target?.fetch(request, env) ?? new Response(null, { status: 503 }),
    port: 0,
    hostname: "127.0.0.1",
  });
  await new Promise<void>((done) => server.once("listening", () => done()));
  const port = (server.address() as AddressInfo).port;
  const built = buildTestApp(db, {
    ...options,
    deployment: { ...deploymentFrom({ host: "127.0.0.1", port }), ...options.deployment },
  });
  target = built.app;
  return {
    ...built,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
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
 * A browser-like caller: keeps its session and device cookies (either prefix) and sends a
 * same-origin Origin header. In process through `app.request()` (optionally with the Node
 * bindings a socket would give, e.g. its remote address), or over real HTTP with
 * `TestClient.http(baseUrl)`.
 */
export class TestClient {
  /** `cando_session=…` (or `__Host-cando_session=…`), as sent. */
  cookie: string | undefined;
  /** The device cookie, as sent. */
  device: string | undefined;
  private readonly send: Send;

  constructor(
    app: App | Send,
    private readonly origin: string | null = "http://localhost",
    /** What app.request() passes as the Node bindings, e.g. `{ incoming: { socket } }`. */
    env?: object,
  ) {
    this.send = typeof app === "function" ? app : (path, init) => app.request(path, init, env);
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
    const jar = [this.cookie, this.device].filter(Boolean).join("; ");
    if (jar) all.cookie ??= jar;
    if (body !== undefined && typeof body !== "string") all["content-type"] ??= "application/json";
    const res = await this.send(path, {
      method,
      headers: all,
      ...(body === undefined
        ? {}
        : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const pair = setCookie.split(";")[0] ?? "";
      const [name = "", value = ""] = pair.split("=");
      const kept = value === "" ? undefined : pair;
      if (name.endsWith("cando_session")) this.cookie = kept;
      if (name.endsWith("cando_device")) this.device = kept;
    }
    const text = await res.text();
    const parsed =
      text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Another browser on the same server (no cookies): for a second person. */
  another(): TestClient {
    return new TestClient(this.send, this.origin);
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
