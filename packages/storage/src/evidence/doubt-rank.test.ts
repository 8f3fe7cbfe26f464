import { type Evidence, rankEvidenceForDoubt } from "@cando/core";
import fc from "fast-check";
import { expect, it } from "vitest";
import {
  type EvidenceRow,
  insertDomains,
  insertEvidence,
  insertGoal,
  insertSteps,
  insertUser,
  rankEvidenceForDoubtInSql,
} from "../index";
import {
  buildDomain,
  buildEvidence,
  buildGoal,
  buildStep,
  buildUser,
  describeEachDatabase,
} from "../test-support";

// A small world whose journals make many ties: two domains, three goals, two steps each.
async function world(db: Parameters<typeof insertUser>[0]) {
  const user = buildUser();
  const other = buildUser();
  await insertUser(db, user);
  await insertUser(db, other);
  const domains = [buildDomain(user.id), buildDomain(user.id)];
  const otherDomain = buildDomain(other.id);
  await insertDomains(db, [...domains]);
  await insertDomains(db, [otherDomain]);
  const goals = [
    buildGoal(user.id, domains[0]?.id ?? ""),
    buildGoal(user.id, domains[0]?.id ?? ""),
    buildGoal(user.id, domains[1]?.id ?? ""),
  ];
  for (const goal of goals) await insertGoal(db, goal);
  const steps = goals.flatMap((g) =>
    [0, 1].map((position) => buildStep(user.id, g.id, { position })),
  );
  await insertSteps(db, steps);
  return { user, other, otherDomain, domains, goals, steps };
}

/** Where a random piece of evidence sits: 0–5 a step, 6–8 a goal only, 9–10 a domain only. */
const piece = fc.record({
  place: fc.integer({ min: 0, max: 10 }),
  effort: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  ownership: fc.constantFrom(0, 50, 100),
  day: fc.constantFrom("2026-01-01", "2026-01-02", "2026-01-03"),
  created: fc.constantFrom("2026-01-03T08:00:00.000Z", "2026-01-03T09:00:00.000Z"),
});

/** A doubt context: none, a domain, a goal (with its domain), or a step (with goal and domain). */
const context = fc.record({
  kind: fc.constantFrom("none", "domain", "goal", "step"),
  n: fc.nat(5),
});

describeEachDatabase("ranking evidence for doubt in SQL", (db) => {
  it("equals core's rankEvidenceForDoubt over random journals and contexts", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }),
        fc.array(context, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        async (pieces, contexts, limit) => {
          const w = await world(db());
          run++;
          // Ids sort in insertion order on both databases (same prefix, zero-padded).
          const rows: EvidenceRow[] = pieces.map((p, i) => {
            const step = p.place <= 5 ? w.steps[p.place] : undefined;
            const goal = step
              ? w.goals.find((g) => g.id === step.goalId)
              : p.place <= 8
                ? w.goals[p.place - 6]
                : undefined;
            const domainId = goal ? goal.domainId : (w.domains[p.place - 9]?.id ?? "");
            return buildEvidence(w.user.id, domainId, {
              id: `r${String(run).padStart(4, "0")}-${String(i).padStart(3, "0")}`,
              goalId: goal?.id ?? null,
              stepId: step?.id ?? null,
              effort: p.effort,
              ownership: p.ownership,
              occurredOn: p.day,
              createdAt: p.created,
            });
          });
          for (const row of rows) await insertEvidence(db(), row);
          // Someone else's best evidence never shows.
          await insertEvidence(
            db(),
            buildEvidence(w.other.id, w.otherDomain.id, { effort: 4, ownership: 100 }),
          );
          // Core ranks the journal as listed (newest first, ties by id): a stable sort.
          const journal = [...rows].sort(
            (a, b) =>
              b.occurredOn.localeCompare(a.occurredOn) ||
              b.createdAt.localeCompare(a.createdAt) ||
              (a.id < b.id ? -1 : 1),
          );
          for (const c of contexts) {
            const step = w.steps[c.n];
            const goal =
              c.kind === "step" ? w.goals.find((g) => g.id === step?.goalId) : w.goals[c.n % 3];
            const at = {
              stepId: c.kind === "step" ? (step?.id ?? null) : null,
              goalId: c.kind === "step" || c.kind === "goal" ? (goal?.id ?? null) : null,
              domainId: c.kind === "none" ? null : (goal?.domainId ?? null),
            };
            const expected = rankEvidenceForDoubt(journal as unknown as Evidence[], at, limit);
            const ranked = await rankEvidenceForDoubtInSql(db(), w.user.id, at, limit);
            expect(ranked.map((e) => e.id)).toEqual(expected.map((e) => e.id));
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
