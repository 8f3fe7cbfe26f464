import { expect, it } from "vitest";
import { insertDomains, insertGoal, insertUser } from "../index";
import { buildDomain, buildGoal, buildUser, describeEachDatabase } from "../test-support";
import {
  addPracticeRestDay,
  insertPracticeEntry,
  latestPracticeEntries,
  type PracticeEntryRow,
  practiceFacts,
  practiceMinutesByDay,
  practiceRestDays,
  practiceTargets,
  removePracticeRestDay,
  saveRhythmSettings,
  setPracticeTarget,
} from "./practice";

let n = 0;
const entry = (userId: string, goalId: string, over: Partial<PracticeEntryRow> = {}) => ({
  id: `practice-${++n}`,
  userId,
  goalId,
  day: "2026-11-20",
  minutes: 15,
  what: "",
  note: "",
  createdAt: `2026-11-22T08:00:00.${String(n).padStart(3, "0")}Z`,
  ...over,
});

describeEachDatabase("practice log", (db) => {
  // The stored row itself (pages read it through findPersonSettings, with the account's).
  const rhythmRow = (userId: string) =>
    db().selectFrom("rhythmSettings").selectAll().where("userId", "=", userId).executeTakeFirst();

  async function person() {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const goal = buildGoal(user.id, domain.id);
    await insertGoal(db(), goal);
    return { user, goal, domain };
  }

  it("sums several entries a day per goal, within the range asked, and only the person's own", async () => {
    const { user, goal, domain } = await person();
    const other = buildGoal(user.id, domain.id);
    await insertGoal(db(), other);
    const bob = await person();
    for (const row of [
      entry(user.id, goal.id, { day: "2026-11-20", minutes: 15 }),
      entry(user.id, goal.id, { day: "2026-11-20", minutes: 30 }),
      entry(user.id, goal.id, { day: "2026-11-21", minutes: 10 }),
      entry(user.id, goal.id, { day: "2025-11-01", minutes: 99 }),
      entry(user.id, other.id, { day: "2026-11-20", minutes: 5 }),
      entry(bob.user.id, bob.goal.id, { day: "2026-11-20", minutes: 60 }),
    ])
      await insertPracticeEntry(db(), row);
    const rows = await practiceMinutesByDay(
      db(),
      user.id,
      [goal.id, other.id, bob.goal.id],
      "2025-11-22",
      "2026-11-22",
    );
    expect(rows).toEqual(
      [
        { goalId: goal.id, day: "2026-11-20", minutes: 45 },
        { goalId: goal.id, day: "2026-11-21", minutes: 10 },
        { goalId: other.id, day: "2026-11-20", minutes: 5 },
      ].sort((a, b) => (a.goalId < b.goalId ? -1 : a.goalId > b.goalId ? 1 : 0)),
    );
    const latest = await latestPracticeEntries(db(), user.id, goal.id, 2);
    expect(latest.map((e) => e.minutes)).toEqual([10, 30]);
    expect(await latestPracticeEntries(db(), bob.user.id, goal.id, 5)).toEqual([]);
  });

  it("plans a rest day once however often it is planned, and removes it", async () => {
    const { user, goal } = await person();
    const row = { goalId: goal.id, day: "2026-11-23", userId: user.id, createdAt: "x" };
    await addPracticeRestDay(db(), row);
    await addPracticeRestDay(db(), row);
    expect(await practiceRestDays(db(), user.id, [goal.id], "2026-11-01", "2026-12-01")).toEqual([
      { goalId: goal.id, day: "2026-11-23" },
    ]);
    await removePracticeRestDay(db(), user.id, goal.id, "2026-11-23");
    expect(await practiceRestDays(db(), user.id, [goal.id], "2026-11-01", "2026-12-01")).toEqual(
      [],
    );
  });

  it("sets, changes and clears a weekly target", async () => {
    const { user, goal } = await person();
    await setPracticeTarget(db(), user.id, goal.id, 120, "a");
    await setPracticeTarget(db(), user.id, goal.id, 150, "b");
    expect(await practiceTargets(db(), user.id, [goal.id])).toEqual(new Map([[goal.id, 150]]));
    await setPracticeTarget(db(), user.id, goal.id, null, "c");
    expect(await practiceTargets(db(), user.id, [goal.id])).toEqual(new Map());
  });

  it("reads minutes per day, rest days and targets of several goals in one statement, as the three reads do", async () => {
    const { user, goal, domain } = await person();
    const second = buildGoal(user.id, domain.id);
    await insertGoal(db(), second);
    const quiet = buildGoal(user.id, domain.id);
    await insertGoal(db(), quiet);
    for (const [g, day, minutes] of [
      [goal, "2026-11-20", 15],
      [goal, "2026-11-20", 20],
      [goal, "2026-11-18", 5],
      [second, "2026-11-19", 30],
      [second, "2026-10-01", 30], // before the range
    ] as const)
      await insertPracticeEntry(db(), entry(user.id, g.id, { day, minutes }));
    for (const [g, day] of [
      [goal, "2026-11-21"],
      [second, "2026-11-17"],
      [second, "2026-12-30"], // after the range
    ] as const)
      await addPracticeRestDay(db(), { goalId: g.id, day, userId: user.id, createdAt: "a" });
    await setPracticeTarget(db(), user.id, goal.id, 90, "a");
    // Someone else's goal asked for by id gives nothing.
    const other = await person();
    await insertPracticeEntry(db(), entry(other.user.id, other.goal.id));

    const ids = [goal.id, second.id, quiet.id, other.goal.id];
    const [from, to] = ["2026-11-01", "2026-11-22"];
    const facts = await practiceFacts(db(), user.id, ids, from, to);
    expect(facts.days).toEqual(await practiceMinutesByDay(db(), user.id, ids, from, to));
    expect(facts.rest).toEqual(await practiceRestDays(db(), user.id, ids, from, to));
    expect(facts.targets).toEqual(await practiceTargets(db(), user.id, ids));
    expect(facts.days.map((d) => d.minutes).sort((a, b) => a - b)).toEqual([5, 30, 35]);
    expect(facts.rest).toHaveLength(2);
    expect(facts.targets).toEqual(new Map([[goal.id, 90]]));
    expect(await practiceFacts(db(), user.id, [], from, to)).toEqual({
      days: [],
      rest: [],
      targets: new Map(),
    });
  });

  it("saves rhythm settings field by field", async () => {
    const { user } = await person();
    expect(await rhythmRow(user.id)).toBeUndefined();
    await saveRhythmSettings(
      db(),
      user.id,
      { reflectionWeekday: 5 },
      { reflectionWeekday: 7 },
      "a",
    );
    await saveRhythmSettings(
      db(),
      user.id,
      { reflectionWeekday: 3 },
      { reflectionWeekday: 7 },
      "b",
    );
    await saveRhythmSettings(
      db(),
      user.id,
      { practiceTime: "06:45" },
      { reflectionWeekday: 7 },
      "c",
    );
    // Each save changes only its own fields.
    expect(await rhythmRow(user.id)).toEqual({
      userId: user.id,
      reflectionWeekday: 3,
      practiceTime: "06:45",
      reflectionTime: null,
      updatedAt: "c",
    });
  });
});
