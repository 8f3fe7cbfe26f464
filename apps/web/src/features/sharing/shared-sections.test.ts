import { describe, expect, it } from "vitest";
import { sharedSectionsText } from "./shared-sections";

const none = { debriefs: false, evidence: false, audits: false, reflections: false };

describe("sharedSectionsText", () => {
  it("says when only the least-privilege view is shared", () => {
    expect(sharedSectionsText(none)).toBe("the goal, ladder, outcomes and next step only");
  });

  it("names each section switched on, in a fixed order", () => {
    expect(sharedSectionsText({ ...none, evidence: true })).toBe(
      "the goal, ladder, outcomes and next step, and evidence",
    );
    expect(sharedSectionsText({ ...none, reflections: true, debriefs: true, audits: true })).toBe(
      "the goal, ladder, outcomes and next step, and debriefs, audits and reflections",
    );
  });
});
