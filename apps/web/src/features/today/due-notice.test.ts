import { describe, expect, it } from "vitest";
import { buildAudit, buildDomain, buildDue } from "../../test-support/builders";
import { dueNotice, latestRatings } from "./due-notice";

const day = (iso: string) => iso.slice(0, 10);

describe("dueNotice", () => {
  it("invites the first audit when there is none", () => {
    expect(dueNotice(buildDue(), day)).toEqual({
      message: "Your first audit: rate how certain you are in each area of life",
      action: "Take your first audit",
      due: true,
    });
  });

  it("says when it has been over 30 days", () => {
    const notice = dueNotice(
      buildDue({ reason: "over_interval", lastTakenAt: "2025-01-01T00:00:00Z" }),
      day,
    );
    expect(notice.message).toBe("It has been over 30 days since your last audit");
    expect(notice.due).toBe(true);
  });

  it("gives the next due date after a recent audit", () => {
    const notice = dueNotice(
      buildDue({
        due: false,
        reason: "recent",
        lastTakenAt: "2025-01-01T00:00:00Z",
        nextDueAt: "2025-01-31T00:00:00Z",
      }),
      day,
    );
    expect(notice.message).toBe("Next audit due 2025-01-31");
    expect(notice.due).toBe(false);
  });
});

describe("latestRatings", () => {
  const career = buildDomain({ id: "career", name: "Career", position: 0 });
  const health = buildDomain({ id: "health", name: "Health", position: 1 });

  it("takes the newest audit and orders its ratings by domain position", () => {
    const older = buildAudit({
      id: "a1",
      takenAt: "2025-01-01T00:00:00Z",
      ratings: [{ domainId: "career", rating: 10 }],
    });
    const newer = buildAudit({
      id: "a2",
      takenAt: "2025-02-01T00:00:00Z",
      ratings: [
        { domainId: "health", rating: 80 },
        { domainId: "career", rating: 30 },
      ],
    });
    expect(latestRatings([newer, older], [health, career])).toEqual({
      takenAt: "2025-02-01T00:00:00Z",
      ratings: [
        { domainId: "career", name: "Career", rating: 30 },
        { domainId: "health", name: "Health", rating: 80 },
      ],
    });
  });

  it("is null without audits", () => {
    expect(latestRatings([], [career])).toBeNull();
  });
});
