import { calibrateBelief, type Outcome } from "@cando/core";
import { listStatedConfidence } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import fc from "fast-check";
import { expect, it } from "vitest";
import { seedHistory } from "../account/history-fixture";
import { computeInsights } from "../insights/routes";
import { attemptBody, buildTestApp, goalWithLadder, signedUp } from "../test-support";

type Op =
  | { kind: "log"; goal: number; step: number; outcome: Outcome; confidence: number; back: number }
  | { kind: "debrief"; attempt: number; luck: number; ability: number }
  | { kind: "edit"; attempt: number; outcome: Outcome; confidence: number | null }
  | { kind: "delete"; attempt: number }
  | { kind: "undo" }
  | { kind: "audit"; rating: number }
  | { kind: "deleteAudit"; audit: number }
  | { kind: "renameDomain"; domain: number }
  | { kind: "import" };

const outcome = fc.constantFrom<Outcome>("done", "partly", "not_yet");
const rating = fc.integer({ min: 0, max: 10 }).map((n) => n * 10);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("log" as const),
    goal: fc.nat(1),
    step: fc.nat(3),
    outcome,
    confidence: rating,
    back: fc.constantFrom(0, 0, 0, 3, 30),
  }),
  fc.record({
    kind: fc.constant("debrief" as const),
    attempt: fc.nat(),
    luck: fc.nat(4),
    ability: fc.nat(4),
  }),
  fc.record({
    kind: fc.constant("edit" as const),
    attempt: fc.nat(),
    outcome,
    confidence: fc.option(rating, { nil: null }),
  }),
  fc.record({ kind: fc.constant("delete" as const), attempt: fc.nat() }),
  fc.constant({ kind: "undo" as const }),
  fc.record({ kind: fc.constant("audit" as const), rating }),
  fc.record({ kind: fc.constant("deleteAudit" as const), audit: fc.nat() }),
  fc.record({ kind: fc.constant("renameDomain" as const), domain: fc.nat(4) }),
  fc.constant({ kind: "import" as const }),
);

/**
 * Insights and Doubt's calibration are cached per person until their read version changes. After
 * any sequence of writes (logging, backdating, debriefs, corrections, deletes, undo, audits,
 * domain renames, an import), what the API serves equals the rebuild from the history — and the
 * cache is warm before every write, so a write that failed to invalidate it would show here.
 */
describeEachDatabase("cached reads equal their rebuild from history", (db) => {
  it("after random operations, Insights and Doubt's calibration equal the rebuild", async () => {
    const { app, clock } = buildTestApp(db());
    const donor = await signedUp(app);
    await seedHistory(donor, clock);
    const donorFile = (await donor.get("/api/account/export")).body;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const ada = await signedUp(app);
        const userId = (await ada.get("/api/me")).body.user.id as string;
        const goals = [await goalWithLadder(ada), await goalWithLadder(ada)];
        const attempts: string[] = [];
        const audits: string[] = [];
        const undos: { deletionId: string; put: () => void }[] = [];
        run++;
        const check = async (after: string) => {
          for (const goalId of [undefined, goals[0]?.goalId]) {
            const query = goalId ? `?goalId=${goalId}` : "";
            const served = await ada.get(`/api/insights${query}`);
            expect(served.status, after).toBe(200);
            const rebuilt = JSON.parse(JSON.stringify(await computeInsights(db(), userId, goalId)));
            expect(served.body, `insights${query} after ${after}`).toEqual(rebuilt);
            const doubt = (await ada.get(`/api/doubt${query}`)).body;
            const calibration = calibrateBelief(
              (await listStatedConfidence(db(), userId, goalId)).map((a) => ({
                at: a.attemptedAt,
                confidence: a.confidenceBefore ?? 0,
                outcome: a.outcome as Outcome,
              })),
            );
            expect(doubt.calibration?.sentence ?? null, `doubt${query} after ${after}`).toBe(
              calibration.verdict === "not_enough_data" ? null : calibration.sentence,
            );
          }
        };
        await check("nothing");
        for (const [i, o] of ops.entries()) {
          clock.advanceMinutes(30);
          const pick = <T>(list: T[], n: number) => list[n % Math.max(1, list.length)];
          const what = `${i}: ${JSON.stringify(o)} (run ${run})`;
          if (o.kind === "log") {
            const goal = goals[o.goal];
            const at = new Date(clock.now().getTime() - o.back * 86_400_000).toISOString();
            const res = await ada.post(
              "/api/attempts",
              attemptBody(goal?.stepIds[o.step] as string, {
                outcome: o.outcome,
                confidenceBefore: o.confidence,
                attemptedAt: at,
              }),
            );
            expect(res.status, what).toBe(201);
            attempts.push(res.body.attempt.id);
          } else if (o.kind === "debrief" && attempts.length) {
            const res = await ada.call(
              "PUT",
              `/api/attempts/${pick(attempts, o.attempt)}/debrief`,
              {
                attributions: {
                  effort: 2,
                  strategy: 2,
                  ability: o.ability,
                  luck: o.luck,
                  help: 0,
                  easy: 1,
                },
              },
            );
            expect(res.status, what).toBe(200);
          } else if (o.kind === "edit" && attempts.length) {
            const res = await ada.patch(`/api/attempts/${pick(attempts, o.attempt)}`, {
              outcome: o.outcome,
              confidenceBefore: o.confidence,
            });
            expect(res.status, what).toBe(200);
          } else if (o.kind === "delete" && attempts.length) {
            const id = pick(attempts, o.attempt) as string;
            const res = await ada.call("DELETE", `/api/attempts/${id}`);
            expect(res.status, what).toBe(200);
            attempts.splice(attempts.indexOf(id), 1);
            undos.push({ deletionId: res.body.undo.deletionId, put: () => attempts.push(id) });
          } else if (o.kind === "undo" && undos.length) {
            const undo = undos.pop();
            const res = await ada.post(`/api/deletions/${undo?.deletionId}/restore`);
            expect(res.status, what).toBe(200);
            undo?.put();
          } else if (o.kind === "audit") {
            const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
            const res = await ada.post("/api/audits", {
              ratings: domains.map((d) => ({ domainId: d.id, rating: o.rating })),
            });
            expect(res.status, what).toBe(201);
            audits.push(res.body.audit.id);
          } else if (o.kind === "deleteAudit" && audits.length) {
            const id = pick(audits, o.audit) as string;
            const res = await ada.call("DELETE", `/api/audits/${id}`);
            expect(res.status, what).toBe(200);
            audits.splice(audits.indexOf(id), 1);
            undos.push({ deletionId: res.body.undo.deletionId, put: () => audits.push(id) });
          } else if (o.kind === "renameDomain") {
            const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
            const res = await ada.patch(`/api/domains/${pick(domains, o.domain)?.id}`, {
              name: `Renamed ${run} ${i}`,
            });
            expect(res.status, what).toBe(200);
          } else if (o.kind === "import") {
            const res = await ada.post("/api/account/import", donorFile);
            expect(res.status, what).toBe(200);
          }
          await check(what);
        }
      }),
      { numRuns: 6, seed: 15 },
    );
  }, 300_000);
});
