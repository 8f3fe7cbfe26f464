import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  createDb,
  insertAttempt,
  insertAudit,
  insertEvidence,
  insertGoal,
  insertSteps,
  insertUserWithDomains,
  listDomains,
  migrateToLatest,
  NO_PASSWORD,
  saveDebrief,
} from "@cando/storage";
import { buildAttempt, buildEvidence, buildGoal, buildStep } from "@cando/storage/test-support";
import { describe, expect, inject, it } from "vitest";
import { runCli } from "../program";
import { testContext, useTempDir } from "../test-support";

const chromiumPath = inject("chromiumPath");
let ids = 0;
const newId = () => `report-${++ids}`;

async function seeded(url: string): Promise<string> {
  const db = createDb(url);
  await migrateToLatest(db);
  await insertUserWithDomains(
    db,
    {
      id: "ada",
      email: "ada@example.test",
      passwordHash: NO_PASSWORD,
      createdAt: "2026-11-01T09:00:00.000Z",
    },
    newId,
  );
  const domains = await listDomains(db, "ada");
  await insertAudit(db, {
    id: "audit-1",
    userId: "ada",
    takenAt: "2026-11-02T09:00:00.000Z",
    note: null,
    ratings: domains.map((d) => ({ domainId: d.id, rating: 60 })),
  });
  const goal = buildGoal("ada", domains[0]?.id as string, {
    statement: "I can chair the weekly meeting",
  });
  await insertGoal(db, goal);
  const step = buildStep("ada", goal.id, { title: "Open the meeting with the agenda" });
  await insertSteps(db, [step]);
  const attempt = buildAttempt("ada", goal.id, step.id, {
    attemptedAt: "2026-11-10T09:00:00.000Z",
    confidenceBefore: 40,
    anxietyBefore: 6,
  });
  await insertAttempt(db, attempt);
  await saveDebrief(db, {
    attemptId: attempt.id,
    didWell: "Kept to time",
    capability: "I can lead a room",
    differently: "Send the agenda the day before",
    effort: 3,
    strategy: 3,
    ability: 2,
    luck: 0,
    help: 0,
    easy: 0,
    reattribution: "",
    dismissedFlags: "[]",
    createdAt: "2026-11-10T10:00:00.000Z",
    updatedAt: "2026-11-10T10:00:00.000Z",
  });
  await insertEvidence(
    db,
    buildEvidence("ada", domains[0]?.id as string, {
      goalId: goal.id,
      title: "Ran the retro on my own",
      occurredOn: "2026-11-12",
    }),
  );
  await db.destroy();
  return goal.id;
}

describe("cando report", () => {
  const tempDir = useTempDir();

  it("writes the chosen sections as HTML, and refuses bad choices", async () => {
    const url = join(tempDir(), "cando.sqlite");
    await seeded(url);
    const html = testContext(url, tempDir());
    const args = ["report", "-e", "ada@example.test", "--from", "2026-11-01", "--to", "2026-11-30"];
    expect(await runCli([...args, "--sections", "evidence"], html.ctx)).toBe(0);
    expect(html.stdout.text).toContain("Ran the retro on my own");
    expect(html.stdout.text).not.toContain(">Reflections</h2>");

    const bad = testContext(url, tempDir());
    expect(await runCli([...args, "--sections", "horoscope"], bad.ctx)).toBe(2);
    expect(bad.stderr.text).toContain("--sections");
    const other = testContext(url, tempDir());
    expect(await runCli([...args, "--goals", "not-hers"], other.ctx)).toBe(2);
    expect(other.stderr.text).toContain("has no goal not-hers");
  });

  it.skipIf(chromiumPath === null)(
    "prints a PDF through headless Chromium holding the chosen sections and none of the others",
    async () => {
      const url = join(tempDir(), "cando.sqlite");
      const goalId = await seeded(url);
      const t = testContext(url, tempDir());
      t.ctx.chromiumPath = chromiumPath as string;
      const code = await runCli(
        [
          "--json",
          "report",
          "-e",
          "ada@example.test",
          "--from",
          "2026-11-01",
          "--to",
          "2026-11-30",
          "--goals",
          goalId,
          "--sections",
          "ladders,reflections,evidence",
          "--pdf",
          "ada.pdf",
        ],
        t.ctx,
      );
      expect(code, t.stderr.text).toBe(0);
      expect(JSON.parse(t.stdout.text)).toMatchObject({
        sections: ["ladders", "reflections", "evidence"],
        pdf: join(tempDir(), "ada.pdf"),
      });
      const pdf = join(tempDir(), "ada.pdf");
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
      // pdftotext comes with poppler-utils (installed by .ci/run).
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      for (const shown of [
        "Ladders and outcomes",
        "Reflections",
        "Evidence",
        "Open the meeting with the agenda",
        "Send the agenda the day before",
        "Ran the retro on my own",
      ]) {
        expect(text).toContain(shown);
      }
      for (const hidden of ["Audit over time", "Belief calibration", "Anxiety and outcome"]) {
        expect(text).not.toContain(hidden);
      }
    },
  );
});
