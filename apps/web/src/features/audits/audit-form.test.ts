import { describe, expect, it } from "vitest";
import { buildDomain } from "../../test-support/builders";
import {
  ANCHORS,
  auditProblems,
  buildAuditInput,
  RATING_VALUES,
  unratedDomains,
} from "./audit-form";

const career = buildDomain({ id: "career", name: "Career", position: 0 });
const health = buildDomain({ id: "health", name: "Health", position: 1 });

describe("the rating scale", () => {
  it("has 11 points from 0 to 100 in steps of 10", () => {
    expect(RATING_VALUES).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it("names Bandura's anchors at 0, 50 and 100", () => {
    expect(ANCHORS).toEqual([
      { value: 0, text: "Cannot do at all" },
      { value: 50, text: "Moderately certain can do" },
      { value: 100, text: "Highly certain can do" },
    ]);
  });
});

describe("unratedDomains", () => {
  it("lists the domains without a rating; 0 counts as a rating", () => {
    expect(unratedDomains([career, health], { career: 0 })).toEqual([health]);
    expect(unratedDomains([career, health], { career: 0, health: 100 })).toEqual([]);
  });
});

describe("buildAuditInput", () => {
  it("sends one rating per domain in order and a trimmed note", () => {
    expect(buildAuditInput([career, health], { health: 40, career: 70 }, "  tired today ")).toEqual(
      {
        ratings: [
          { domainId: "career", rating: 70 },
          { domainId: "health", rating: 40 },
        ],
        note: "tired today",
      },
    );
  });

  it("leaves out an empty note", () => {
    expect(buildAuditInput([career], { career: 10 }, "   ")).toEqual({
      ratings: [{ domainId: "career", rating: 10 }],
    });
  });
});

describe("auditProblems", () => {
  const submitted = [{ domainId: "career" }, { domainId: "health" }];

  it("puts a rating problem on the fieldset of the domain it was sent for", () => {
    const problems = auditProblems(
      [{ path: "ratings.1.rating", message: "must be a multiple of 10 (0, 10, … 100)" }],
      submitted,
    );
    expect(problems.byDomain).toEqual({
      health: "Rating must be a multiple of 10 (0, 10, … 100).",
    });
    expect(problems.other).toEqual([]);
  });

  it("puts note problems on the note and the rest in the summary", () => {
    const problems = auditProblems(
      [
        { path: "note", message: "must be at most 2000 characters" },
        { path: "ratings", message: "must rate every active domain" },
        { path: "ratings.7.rating", message: "must be at most 100" },
      ],
      submitted,
    );
    expect(problems.note).toBe("Note must be at most 2000 characters.");
    expect(problems.other).toEqual([
      "Ratings must rate every active domain.",
      "ratings.7.rating must be at most 100.",
    ]);
  });

  it("keeps the first problem per domain", () => {
    const problems = auditProblems(
      [
        { path: "ratings.0.domainId", message: "is rated twice" },
        { path: "ratings.0.rating", message: "must be at least 0" },
      ],
      submitted,
    );
    expect(problems.byDomain).toEqual({ career: "Domain is rated twice." });
  });
});
