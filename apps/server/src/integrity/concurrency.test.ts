import { parseLadderModel, replayLadderModel } from "@cando/core";
import { type Db, findGoal, listLadderFacts } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attemptBody,
  goalWithLadder,
  type ServedTestApp,
  serveTestApp,
  signedUp,
  TestClient,
  uniqueEmail,
} from "../test-support";

/** Runs `loops` request loops side by side, each sending `each` requests one after another. */
async function inParallel<T>(
  loops: number,
  each: number,
  send: (loop: number, i: number) => Promise<T>,
) {
  return (
    await Promise.all(
      Array.from({ length: loops }, async (_, loop) => {
        const replies: T[] = [];
        for (let i = 0; i < each; i++) replies.push(await send(loop, i));
        return replies;
      }),
    )
  ).flat();
}

/** The model as stored, and what the attempt rows say it should have counted. */
async function modelAndRows(db: Db, userId: string, goalId: string) {
  const goal = await findGoal(db, userId, goalId);
  const model = parseLadderModel(JSON.parse(goal?.model ?? "null"));
  const rows = await db
    .selectFrom("attempts")
    .select(["stepId", (eb) => eb.fn.countAll<number>().as("n")])
    .where("goalId", "=", goalId)
    .groupBy("stepId")
    .execute();
  const replayed = replayLadderModel(await listLadderFacts(db, goalId));
  return { model, replayed, rows: new Map(rows.map((r) => [r.stepId, Number(r.n)])) };
}

// Parallel requests through a real HTTP server: on PostgreSQL each request runs on its own pooled
// connection (READ COMMITTED), so a read-modify-write without a lock loses updates there.
describeEachDatabase("parallel writes through HTTP", (db, kind) => {
  let served: ServedTestApp;
  let baseUrl = "";
  let userId = "";
  let client: TestClient;

  beforeAll(async () => {
    served = await serveTestApp(db());
    baseUrl = served.baseUrl;
    client = await signedUp(TestClient.http(baseUrl), uniqueEmail(`race-${kind}`));
    userId = (await client.get("/api/me")).body.user.id;
  });
  afterAll(async () => {
    await served.close();
  });

  it("counts every one of 40 attempts sent by 8 parallel loops in the ladder model", async () => {
    const { goalId, stepIds } = await goalWithLadder(client, [80, 60, 40, 20]);
    const replies = await inParallel(8, 5, (loop, i) =>
      client.post(
        "/api/attempts",
        attemptBody(stepIds[(loop + i) % 4] ?? "", {
          outcome: (loop * i) % 3 === 0 ? "done" : "not_yet",
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(40).fill(201));
    const { model, replayed, rows } = await modelAndRows(db(), userId, goalId);
    expect(model).toEqual(replayed);
    expect([...rows.values()].reduce((a, b) => a + b, 0)).toBe(40);
    expect(model.attempts).toBe(40);
    for (const step of model.steps) expect(step.attempts).toBe(rows.get(step.id) ?? 0);
  });

  it("keeps one active domain of a name when six requests create it at once, whatever the case", async () => {
    const names = ["Twins", "twins", "TWINS", "Twins", "tWins", "Twins"];
    const replies = await Promise.all(names.map((name) => client.post("/api/domains", { name })));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 400, 400, 400, 400, 400]);
    for (const r of replies.filter((r) => r.status === 400)) {
      expect(r.body.error.fields).toEqual([
        { path: "name", message: expect.stringMatching(/already/) },
      ]);
    }
    const domains = (await client.get("/api/domains")).body.domains as { name: string }[];
    expect(domains.filter((d) => d.name.toLowerCase() === "twins")).toHaveLength(1);
  });

  it("never lets a ladder pass 15 steps when six steps are added at once to 14", async () => {
    const { goalId } = await goalWithLadder(client, Array(14).fill(50));
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        client.post(`/api/goals/${goalId}/steps`, { title: `Extra ${i}`, confidence: 40 }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    const ladder = (await client.get(`/api/goals/${goalId}`)).body.ladder;
    expect(ladder.steps).toHaveLength(15);
    const { model, replayed } = await modelAndRows(db(), userId, goalId);
    expect(model).toEqual(replayed);
    expect(model.steps.map((s) => s.id)).toEqual(ladder.steps.map((s: { id: string }) => s.id));
  });

  it("makes one piece of evidence when one success is debriefed four times at once", async () => {
    const { stepIds } = await goalWithLadder(client);
    const attempt = (await client.post("/api/attempts", attemptBody(stepIds[0] ?? ""))).body
      .attempt;
    const debrief = {
      didWell: "Kept to time",
      capability: "I can prepare",
      differently: "",
      attributions: { effort: 3, strategy: 3, ability: 2, luck: 0, help: 0, easy: 0 },
    };
    const replies = await Promise.all(
      Array.from({ length: 4 }, () =>
        client.call("PUT", `/api/attempts/${attempt.id}/debrief`, debrief),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const ids = new Set(replies.map((r) => r.body.evidence.id));
    expect(ids.size).toBe(1);
    const evidence = await db()
      .selectFrom("evidence")
      .select("id")
      .where("attemptId", "=", attempt.id)
      .execute();
    expect(evidence).toHaveLength(1);
  });

  it("logs one attempt when the same idempotency key is sent five times at once", async () => {
    const { goalId, stepIds } = await goalWithLadder(client);
    const body = attemptBody(stepIds[0] ?? "", { idempotencyKey: `key-${kind}-race` });
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => client.post("/api/attempts", body)),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.attempt.id)).size).toBe(1);
    const { model, replayed, rows } = await modelAndRows(db(), userId, goalId);
    expect(model).toEqual(replayed);
    expect(rows.get(stepIds[0] ?? "")).toBe(1);
    expect(model.attempts).toBe(1);
  });
});

describe("inParallel", () => {
  it("runs every loop to the end", async () => {
    expect(await inParallel(3, 2, async (l, i) => `${l}${i}`)).toEqual([
      "00",
      "01",
      "10",
      "11",
      "20",
      "21",
    ]);
  });
});
