import { createPasswordReset } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it, vi } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp } from "../test-support";
import { startHousekeeping, sweep } from "./housekeeping";

describeEachDatabase("housekeeping", (db) => {
  const count = async (table: "deletions" | "sessions" | "passwordResets") =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("purges deleted rows once their undo window has passed, even if nobody deletes again", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const logged = await ada.post("/api/attempts", attemptBody(stepIds[0] as string));
    expect((await ada.call("DELETE", `/api/attempts/${logged.body.attempt.id}`)).status).toBe(200);
    expect(await count("deletions")).toBe(1);

    // Inside the window the deleted attempt can still be undone: the sweep keeps it.
    clock.advanceMinutes(9);
    expect((await sweep(db(), clock.now())).deletions).toBe(0);
    expect(await count("deletions")).toBe(1);

    clock.advanceMinutes(2);
    expect((await sweep(db(), clock.now())).deletions).toBe(1);
    expect(await count("deletions")).toBe(0);
  });

  it("removes expired sessions and reset links, and keeps live ones", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const userId = (await ada.get("/api/me")).body.user.id as string;
    await createPasswordReset(db(), userId, clock.now());
    const first = await sweep(db(), clock.now());
    expect(first).toEqual({ deletions: 0, sessions: 0, passwordResets: 0 });

    clock.advanceMinutes(61); // the reset link's hour is over; the session is still live
    expect(await sweep(db(), clock.now())).toEqual({
      deletions: 0,
      sessions: 0,
      passwordResets: 1,
    });
    expect((await ada.get("/api/me")).status).toBe(200);

    const live = await count("sessions");
    expect(live).toBeGreaterThan(0);
    clock.advanceDays(60); // past any session lifetime
    expect((await sweep(db(), clock.now())).sessions).toBe(live);
    expect(await count("sessions")).toBe(0);
    expect((await ada.get("/api/me")).status).toBe(401);
  });

  it("keeps sweeping on a timer, and a failed sweep is logged, not thrown", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const failing = {
        deleteFrom: () => {
          throw new Error("database is away");
        },
      } as unknown as Parameters<typeof sweep>[0];
      const messages: string[] = [];
      const stop = startHousekeeping(failing, { now: () => new Date() }, 1000, (m) =>
        messages.push(m),
      );
      await vi.advanceTimersByTimeAsync(2500);
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      // Once at start and twice on the timer; nothing after it was stopped. The model upgrade
      // runs once, at start, and its failure is logged too.
      const sweeps = messages.filter((m) => /housekeeping failed/.test(m));
      expect(sweeps).toHaveLength(3);
      expect(sweeps[0]).toMatch(/housekeeping failed .*database is away/);
      expect(messages.filter((m) => /could not replay older ladder models/.test(m))).toHaveLength(
        1,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
