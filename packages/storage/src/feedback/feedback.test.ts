import { isSpecificFeedback, persuasionWeight } from "@cando/core";
import { expect, it } from "vitest";
import { countSupporterFeedback, insertDomains, insertGoal, insertUser } from "../index";
import { buildDomain, buildGoal, buildUser, describeEachDatabase } from "../test-support";
import { type FeedbackRow, feedbackReceivedBetween, insertFeedback } from "./feedback";

describeEachDatabase("feedback received in a week", (db) => {
  it("gives the person's feedback in [from, to) with its grant's credibility, for the persuasion source", async () => {
    const ada = buildUser();
    const maya = buildUser();
    await insertUser(db(), ada);
    await insertUser(db(), maya);
    const domain = buildDomain(ada.id);
    await insertDomains(db(), [domain]);
    const goal = buildGoal(ada.id, domain.id);
    await insertGoal(db(), goal);
    const at = "2026-11-20T09:00:00.000Z";
    await db()
      .insertInto("grants")
      .values({
        id: "grant-1",
        userId: ada.id,
        goalId: goal.id,
        supporterId: maya.id,
        role: "supporter",
        label: "Maya",
        credibility: 80,
        shareDebriefs: 0,
        shareEvidence: 0,
        shareAudits: 0,
        shareReflections: 0,
        createdAt: at,
        updatedAt: at,
        revokedAt: null,
      })
      .execute();
    const row = (id: string, createdAt: string, body: string, hidden = false): FeedbackRow => ({
      id,
      userId: ada.id,
      goalId: goal.id,
      authorId: maya.id,
      grantId: "grant-1",
      attemptId: "attempt-x",
      evidenceId: null,
      body,
      reply: "",
      repliedAt: null,
      hiddenAt: hidden ? createdAt : null,
      savedEvidenceId: null,
      createdAt,
      updatedAt: createdAt,
    });
    await insertFeedback(db(), row("f-before", "2026-11-15T23:59:59.000Z", "Great job"));
    await insertFeedback(db(), row("f-1", "2026-11-16T00:00:00.000Z", "You asked two questions"));
    await insertFeedback(db(), row("f-2", "2026-11-18T10:00:00.000Z", "Great job"));
    await insertFeedback(db(), row("f-3", "2026-11-19T10:00:00.000Z", "Nice", true));
    await insertFeedback(db(), row("f-after", "2026-11-23T00:00:00.000Z", "Nice"));

    const week = await feedbackReceivedBetween(
      db(),
      ada.id,
      "2026-11-16T00:00:00.000Z",
      "2026-11-23T00:00:00.000Z",
    );
    expect(week.map((f) => [f.id, f.credibility, f.hidden])).toEqual([
      ["f-1", 80, false],
      ["f-2", 80, false],
      ["f-3", 80, true],
    ]);
    const weight = persuasionWeight(
      week.map((f) => ({ ...f, specific: isSpecificFeedback(f.body) })),
    );
    expect(weight).toBe(1.2);
    // The week's persuasion source counts the same week in SQL, leaving the hidden one out.
    const window = {
      userId: ada.id,
      from: "2026-11-16T00:00:00.000Z",
      to: "2026-11-23T00:00:00.000Z",
    };
    expect(await countSupporterFeedback(db(), window)).toBe(2);
    expect(await feedbackReceivedBetween(db(), maya.id, "2026-11-01", "2026-12-01")).toEqual([]);
  });
});
