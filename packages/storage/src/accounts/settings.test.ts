import { expect, it } from "vitest";
import { saveRhythmSettings } from "../practice/practice";
import { buildUser, describeEachDatabase } from "../test-support";
import { findPersonSettings, saveAccountSettings } from "./settings";
import { insertUser, setTargetPercent } from "./users";

describeEachDatabase("a person's settings in one read", (db) => {
  it("gives the target, the zone and the rhythm's choices, null where nothing was chosen", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    expect(await findPersonSettings(db(), user.id)).toEqual({
      targetPercent: 80,
      timeZone: null,
      reflectionWeekday: null,
      practiceTime: null,
      reflectionTime: null,
    });

    await setTargetPercent(db(), user.id, 70);
    await saveAccountSettings(db(), user.id, { timeZone: "Asia/Kolkata" }, "a");
    await saveRhythmSettings(
      db(),
      user.id,
      { reflectionWeekday: 5, practiceTime: "06:45" },
      { reflectionWeekday: 7 },
      "b",
    );
    expect(await findPersonSettings(db(), user.id)).toEqual({
      targetPercent: 70,
      timeZone: "Asia/Kolkata",
      reflectionWeekday: 5,
      practiceTime: "06:45",
      reflectionTime: null,
    });
    // Another person's choices are not theirs.
    const other = buildUser();
    await insertUser(db(), other);
    expect((await findPersonSettings(db(), other.id))?.timeZone).toBeNull();
    expect(await findPersonSettings(db(), "nobody")).toBeUndefined();
  });
});
