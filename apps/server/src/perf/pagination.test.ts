import type { Attempt } from "@cando/core";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import {
  attemptBody,
  buildTestApp,
  goalWithLadder,
  type Reply,
  signedUp,
  type TestClient,
} from "../test-support";

type Page = { nextCursor: string | null } & Record<string, { id: string }[] | string | null>;

/** Every item of a list, walked a page at a time; checks each page's size. */
async function walk(client: TestClient, path: string, key: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res: Reply<Page> = await client.get<Page>(
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status, path).toBe(200);
    const items = res.body[key] as { id: string }[];
    expect(items.length).toBeLessThanOrEqual(limit);
    ids.push(...items.map((i) => i.id));
    cursor = res.body.nextCursor;
    if (cursor) expect(items.length).toBeGreaterThan(0);
    pages++;
  } while (cursor && pages < 100);
  return { ids, pages };
}

describeEachDatabase("lists a page at a time", (db) => {
  it("walks attempts (oldest or newest first, by goal) and evidence page by page, exactly once each", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds, domainId } = await goalWithLadder(ada);
    const other = await goalWithLadder(ada);
    for (let i = 0; i < 23; i++) {
      // Pairs share a moment, so the cursor must order by more than the time.
      if (i % 2 === 0) clock.advanceMinutes(30);
      const step = i % 3 === 0 ? (other.stepIds[0] as string) : (stepIds[0] as string);
      const res = await ada.post("/api/attempts", attemptBody(step, { outcome: "done" }));
      expect(res.status).toBe(201);
      await ada.call("PUT", `/api/attempts/${res.body.attempt.id}/debrief`, {
        attributions: { effort: 3, strategy: 2, ability: 1, luck: 0, help: 0, easy: 0 },
      });
      await ada.post("/api/evidence", {
        domainId,
        title: `Thing ${i}`,
        body: "",
        occurredOn: `2026-11-${String(10 + (i % 5)).padStart(2, "0")}`,
        ownership: 50,
      });
    }
    for (const [path, key] of [
      ["/api/attempts", "attempts"],
      ["/api/attempts?order=newest", "attempts"],
      [`/api/attempts?goalId=${goalId}`, "attempts"],
      [`/api/attempts?goalId=${goalId}&order=newest`, "attempts"],
      [`/api/goals/${goalId}/attempt-summaries`, "attempts"],
      ["/api/evidence", "evidence"],
      [`/api/evidence?goalId=${goalId}`, "evidence"],
    ] as const) {
      const all = (await ada.get(`${path}${path.includes("?") ? "&" : "?"}limit=500`)).body;
      expect(all.nextCursor, path).toBeNull();
      const expected = (all[key] as { id: string }[]).map((i) => i.id);
      expect(expected.length, path).toBeGreaterThan(5);
      const walked = await walk(ada, path, key, 4);
      expect(walked.ids, path).toEqual(expected);
      expect(walked.pages, path).toBe(
        Math.ceil(expected.length / 4) + (expected.length % 4 === 0 ? 1 : 0),
      );
    }
    // The goal page's summaries are the goal's attempts, newest first, with nothing else in them.
    const full = (await ada.get(`/api/attempts?goalId=${goalId}&order=newest&limit=500`)).body;
    const summaries = (await ada.get(`/api/goals/${goalId}/attempt-summaries?limit=500`)).body;
    expect(summaries.attempts).toEqual(
      full.attempts.map((a: Attempt) => ({
        id: a.id,
        stepId: a.stepId,
        attemptedAt: a.attemptedAt,
        outcome: a.outcome,
        predictedSuccess: a.predictedSuccess,
        debriefed: true,
      })),
    );
    const newest = (await ada.get("/api/attempts?order=newest&limit=500")).body.attempts;
    const oldest = (await ada.get("/api/attempts?limit=500")).body.attempts;
    expect(newest.map((a: { id: string }) => a.id)).toEqual(
      oldest.map((a: { id: string }) => a.id).reverse(),
    );
  });

  it("walks audits (oldest first) and reflections (newest first) page by page", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
    for (let i = 0; i < 9; i++) {
      clock.advanceMinutes(60);
      const res = await ada.post("/api/audits", {
        ratings: domains.map((d) => ({ domainId: d.id, rating: i * 10 })),
      });
      expect(res.status).toBe(201);
    }
    for (let w = 0; w < 7; w++) {
      const weekEnd = new Date(Date.UTC(2026, 10, 22 - 7 * w)).toISOString().slice(0, 10);
      const res = await ada.call("PUT", `/api/reflections/${weekEnd}`, { learned: `week ${w}` });
      expect(res.status, weekEnd).toBe(200);
    }
    for (const [path, key] of [
      ["/api/audits", "audits"],
      ["/api/reflections", "reflections"],
    ] as const) {
      const all = (await ada.get(`${path}?limit=500`)).body;
      expect(all.nextCursor, path).toBeNull();
      const idOf = (i: { id?: string; weekEnd?: string }) => i.id ?? i.weekEnd;
      const expected = (all[key] as { id?: string; weekEnd?: string }[]).map(idOf);
      expect(expected.length, path).toBeGreaterThan(5);
      const walked: unknown[] = [];
      let cursor: string | null = null;
      do {
        const res: Reply<Page> = await ada.get<Page>(
          `${path}?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        walked.push(...(res.body[key] as { id?: string; weekEnd?: string }[]).map(idOf));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(walked, path).toEqual(expected);
    }
    // Every page says whether the next audit is due from the latest audit of all.
    const first = (await ada.get("/api/audits?limit=2")).body;
    expect(first.due).toEqual((await ada.get("/api/audits?limit=500")).body.due);
    // Newest first, walked page by page: the same audits in reverse (Today asks for limit=1).
    const oldestFirst = (
      (await ada.get("/api/audits?limit=500")).body.audits as { id: string }[]
    ).map((a) => a.id);
    const newest: string[] = [];
    let next: string | null = null;
    do {
      const res: Reply<Page> = await ada.get<Page>(
        `/api/audits?order=newest&limit=4${next ? `&cursor=${encodeURIComponent(next)}` : ""}`,
      );
      newest.push(...(res.body.audits as { id: string }[]).map((a) => a.id));
      next = res.body.nextCursor;
    } while (next);
    expect(newest).toEqual([...oldestFirst].reverse());
    const latest = (await ada.get("/api/audits?order=newest&limit=1")).body;
    expect(latest.audits[0].ratings.map((r: { rating: number }) => r.rating)).toEqual(
      domains.map(() => 80),
    );
    expect((await ada.get("/api/audits?order=sideways")).status).toBe(400);
  });

  it("refuses a cursor that is not one and a limit out of range, naming the field", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    for (const [query, field] of [
      ["cursor=not-a-cursor", "cursor"],
      [`cursor=${Buffer.from('["a"]').toString("base64url")}`, "cursor"],
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["limit=ten", "limit"],
    ]) {
      for (const list of ["/api/attempts", "/api/evidence", "/api/audits", "/api/reflections"]) {
        const res = await ada.get(`${list}?${query}`);
        expect(res.status, `${list}?${query}`).toBe(400);
        expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
      }
    }
  });

  it("keeps a page of long attempts under 256 KiB by giving fewer of them", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const long = "é".repeat(2000);
    for (let i = 0; i < 30; i++) {
      clock.advanceMinutes(10);
      const res = await ada.post(
        "/api/attempts",
        attemptBody(stepIds[0] as string, { note: long }),
      );
      await ada.call("PUT", `/api/attempts/${res.body.attempt.id}/debrief`, {
        didWell: long,
        capability: long,
        differently: long,
        reattribution: long,
        attributions: { effort: 3, strategy: 2, ability: 1, luck: 0, help: 0, easy: 0 },
      });
    }
    const res = await ada.call("GET", "/api/attempts");
    const bytes = Buffer.byteLength(JSON.stringify(res.body));
    expect(bytes).toBeLessThan(256 * 1024);
    expect(res.body.attempts.length).toBeLessThan(30);
    expect(res.body.nextCursor).not.toBeNull();
    const walked = await walk(ada, "/api/attempts", "attempts", 100);
    expect(walked.ids).toHaveLength(30);
  });
});
