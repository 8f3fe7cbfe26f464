// The bench's seeded people: a deterministic history written straight into the database (no HTTP),
// so a five-year person (and ten times that) takes seconds, not minutes, to set up.
//
// The "five-year person" (scale 1): 6 domains, 60 audits (one a month), 8 goals of 6–10 steps
// (6 active, 2 reached), about 2,000 attempts all debriefed, 1,500 evidence items (every debriefed
// success plus manual entries). Scale 10 is ten times the audits, attempts and evidence over the
// same five years and goals (cost that grows with history shows); scale 0.1 is a half-year person.
// Same seed and scale → the same rows, ids included.
import { createHash } from "node:crypto";
import { type LadderFactAttempt, type LadderFactStep, replayLadderModel } from "@cando/core";
import type { Db } from "@cando/storage";

export interface SeedOptions {
  /** Distinguishes people in one database; also seeds the random numbers. */
  name: string;
  /** 1 = the five-year person; 10 = ten times the history. */
  scale: number;
  /** The argon2 hash every seeded person logs in with (hash once, share it). */
  passwordHash: string;
  /** The history ends here (ISO); default 2026-12-01. */
  until?: string;
}

export interface SeededPerson {
  userId: string;
  email: string;
  /** A live session: send `cookie` as the Cookie header. */
  cookie: string;
  domainIds: string[];
  /** Active goals with their active steps, ladder order. */
  goals: { id: string; stepIds: string[] }[];
  counts: { audits: number; goals: number; steps: number; attempts: number; evidence: number };
}

const DAY = 86_400_000;
const YEARS = 5;

/** mulberry32: small, fast, and the same sequence everywhere. */
function random(seedText: string): () => number {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed ^ ch.charCodeAt(0), 2654435761) >>> 0) + 1;
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "practice talk meeting run swim call friend budget code review write read plan cook walk " +
  "present ask listen breathe focus prepare sketch repair teach learn share notice decide rest"
).split(" ");

export async function seedPerson(db: Db, options: SeedOptions): Promise<SeededPerson> {
  const rnd = random(options.name);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  let counter = 0;
  const id = (kind: string) => `${options.name}-${kind}-${(++counter).toString(36)}`;

  const end = Date.parse(options.until ?? "2026-12-01T00:00:00.000Z");
  const start = end - YEARS * 365 * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  const userId = id("user");
  const email = `${options.name}@bench.example`;
  const token = createHash("sha256").update(`token:${options.name}`).digest("base64url");

  await db
    .insertInto("users")
    .values({ id: userId, email, passwordHash: options.passwordHash, createdAt: iso(start) })
    .execute();
  await db
    .insertInto("sessions")
    .values({
      id: createHash("sha256").update(token).digest("hex"),
      userId,
      createdAt: iso(end),
      lastSeenAt: iso(end),
      // A session the bench can use for years.
      expiresAt: iso(end + 3650 * DAY),
      device: "bench",
    })
    .execute();

  const domainNames = ["Career", "Health", "Relationships", "Learning new skills", "Finances"];
  const domains = [...domainNames, "Music"].map((name, position) => ({
    id: id("domain"),
    userId,
    key: position < domainNames.length ? name.toLowerCase().split(" ")[0] : null,
    name,
    position,
    archivedAt: null,
    createdAt: iso(start),
  }));
  await db.insertInto("domains").values(domains).execute();

  // Audits, evenly over the five years.
  const auditCount = Math.max(1, Math.round(60 * options.scale));
  const audits = [];
  const ratings = [];
  for (let i = 0; i < auditCount; i++) {
    const auditId = id("audit");
    audits.push({
      id: auditId,
      userId,
      takenAt: iso(start + ((i + 0.5) / auditCount) * (end - start)),
      note: rnd() < 0.3 ? words(6) : null,
    });
    for (const d of domains) ratings.push({ auditId, domainId: d.id, rating: int(0, 10) * 10 });
  }
  await insertChunked(db, "audits", audits);
  await insertChunked(db, "auditRatings", ratings);

  // Goals: 8 of 6–10 steps, created over the first years; the last 2 are reached.
  const goalCount = 8;
  const attemptTotal = Math.round(2000 * options.scale);
  const goals = [];
  const steps = [];
  const stepRatings = [];
  const attempts: {
    id: string;
    userId: string;
    goalId: string;
    stepId: string;
    idempotencyKey: null;
    attemptedAt: string;
    confidenceBefore: number | null;
    anxietyBefore: number | null;
    outcome: string;
    effort: number;
    difficulty: number;
    anxietyAfter: number | null;
    minutes: number | null;
    note: string;
    predictedSuccess: number | null;
    createdAt: string;
  }[] = [];
  const debriefs = [];
  const evidence = [];
  const activeGoals: SeededPerson["goals"] = [];
  for (let g = 0; g < goalCount; g++) {
    const goalId = id("goal");
    const domain = domains[g % domains.length];
    if (!domain) throw new Error("no domain");
    const createdMs = start + (g / goalCount) * (end - start) * 0.6;
    const reached = g < 2;
    const stepCount = int(6, 10);
    const facts: { steps: LadderFactStep[]; attempts: LadderFactAttempt[] } = {
      steps: [],
      attempts: [],
    };
    const goalSteps = [];
    for (let s = 0; s < stepCount; s++) {
      const stepId = id("step");
      const confidence = Math.max(10, 90 - s * 8 - int(0, 2) * 5);
      goalSteps.push(stepId);
      steps.push({
        id: stepId,
        userId,
        goalId,
        title: `${words(3)} (${s + 1})`,
        description: rnd() < 0.5 ? words(10) : "",
        position: s,
        confidence,
        plannedDate: null,
        archivedAt: null,
        masteryOverride: null,
        createdAt: iso(createdMs),
      });
      stepRatings.push({ id: id("rating"), stepId, confidence, ratedAt: iso(createdMs) });
      facts.steps.push({
        id: stepId,
        confidence,
        addedAt: iso(createdMs),
        archived: false,
        override: null,
      });
    }
    // Attempts walk up the ladder: early steps get more tries and more successes.
    const mine = Math.round(attemptTotal / goalCount);
    const until = reached ? createdMs + (end - createdMs) * 0.5 : end - DAY;
    for (let a = 0; a < mine; a++) {
      const progress = a / mine;
      const position = Math.min(stepCount - 1, Math.floor(progress * stepCount * 1.1));
      const stepId = goalSteps[position] as string;
      const at = createdMs + ((a + 1) / (mine + 1)) * (until - createdMs);
      const done = rnd() < 0.45 + 0.3 * (1 - (position / stepCount) * 0.5) * rnd() + 0.2;
      const outcome = done ? "done" : rnd() < 0.5 ? "partly" : "not_yet";
      const attemptId = id("attempt");
      attempts.push({
        id: attemptId,
        userId,
        goalId,
        stepId,
        idempotencyKey: null,
        attemptedAt: iso(at),
        confidenceBefore: int(2, 9) * 10,
        anxietyBefore: int(0, 10),
        outcome,
        effort: int(1, 5),
        difficulty: int(1, 5),
        anxietyAfter: int(0, 10),
        minutes: int(5, 90),
        note: rnd() < 0.4 ? words(12) : "",
        predictedSuccess: Math.round(rnd() * 100) / 100,
        createdAt: iso(at),
      });
      facts.attempts.push({ id: attemptId, stepId, outcome, at: iso(at) });
      debriefs.push({
        attemptId,
        didWell: words(8),
        capability: words(8),
        differently: rnd() < 0.5 ? words(8) : "",
        effort: int(0, 4),
        strategy: int(0, 4),
        ability: int(0, 4),
        luck: int(0, 4),
        help: int(0, 4),
        easy: int(0, 4),
        reattribution: "",
        dismissedFlags: "[]",
        createdAt: iso(at),
        updatedAt: iso(at),
      });
      if (outcome === "done" && evidence.length < Math.round(1200 * options.scale)) {
        evidence.push({
          id: id("evidence"),
          userId,
          source: "attempt",
          attemptId,
          domainId: domain.id,
          goalId,
          stepId,
          title: `I did it: ${words(4)}`,
          body: words(20),
          occurredOn: iso(at).slice(0, 10),
          ownership: int(3, 10) * 10,
          effort: int(1, 5),
          reattribution: null,
          createdAt: iso(at),
          updatedAt: iso(at),
        });
      }
    }
    const model = replayLadderModel(facts);
    goals.push({
      id: goalId,
      userId,
      domainId: domain.id,
      statement: `I can ${words(6)}`,
      outcome: words(8),
      context: words(3),
      targetDate: null,
      status: reached ? "reached" : "active",
      model: model === null ? null : JSON.stringify(model),
      createdAt: iso(createdMs),
      updatedAt: iso(until),
      reachedAt: reached ? iso(until) : null,
    });
    if (!reached) activeGoals.push({ id: goalId, stepIds: goalSteps });
  }
  // Manual evidence up to 1,500 per five years.
  const evidenceTotal = Math.round(1500 * options.scale);
  for (let i = evidence.length; i < evidenceTotal; i++) {
    const at = start + rnd() * (end - start);
    evidence.push({
      id: id("evidence"),
      userId,
      source: "manual",
      attemptId: null,
      domainId: pick(domains).id,
      goalId: null,
      stepId: null,
      title: words(5),
      body: words(25),
      occurredOn: iso(at).slice(0, 10),
      ownership: int(1, 10) * 10,
      effort: null,
      reattribution: null,
      createdAt: iso(at),
      updatedAt: iso(at),
    });
  }
  await insertChunked(db, "goals", goals);
  await insertChunked(db, "steps", steps);
  await insertChunked(db, "stepRatings", stepRatings);
  await insertChunked(db, "attempts", attempts);
  await insertChunked(db, "debriefs", debriefs);
  await insertChunked(db, "evidence", evidence);

  return {
    userId,
    email,
    cookie: `cando_session=${token}`,
    domainIds: domains.map((d) => d.id),
    goals: activeGoals,
    counts: {
      audits: audits.length,
      goals: goals.length,
      steps: steps.length,
      attempts: attempts.length,
      evidence: evidence.length,
    },
  };
}

// Multi-row inserts, under both databases' limits on bound parameters (SQLite 32,766; pg 65,535).
async function insertChunked<T extends object>(
  db: Db,
  table:
    | "audits"
    | "auditRatings"
    | "goals"
    | "steps"
    | "stepRatings"
    | "attempts"
    | "debriefs"
    | "evidence",
  rows: T[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const per = Math.max(1, Math.floor(30_000 / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += per) {
    // One helper for several tables' row shapes: the rows are built above with each table's columns.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
  }
}
