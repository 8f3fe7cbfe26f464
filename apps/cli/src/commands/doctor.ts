import { isDeepStrictEqual } from "node:util";
import { LADDER_MODEL_VERSION, LadderModel, replayLadderModel } from "@cando/core";
import {
  clearEvidenceLink,
  type Db,
  deleteAuditRating,
  evidenceOwners,
  findBadAuditRatings,
  findBadEvidenceLinks,
  findIncompleteAudits,
  findStepCountDrift,
  listGoalModels,
  listLadderFacts,
  listMilestoneLinks,
  lockGoal,
  recountStepCounts,
  setGoalModel,
  setMilestoneLinks,
} from "@cando/storage";
import { openExistingDatabase } from "../database";
import { EXIT_FAILED, EXIT_OK, type Output } from "../io";

/** One thing wrong with derived data, and what `--fix` did about it. */
export interface DoctorProblem {
  kind:
    | "ladder_model"
    | "step_counts"
    | "evidence_link"
    | "milestone_link"
    | "audit_rating"
    | "audit_incomplete";
  /** The row at fault: a goal, step, piece of evidence, milestone or audit. */
  id: string;
  userId: string;
  message: string;
  /** Whether `--fix` can repair it (derivable); the others need a person. */
  fixable: boolean;
  /** What `--fix` changed; null when nothing was changed. */
  fixed: string | null;
}

export interface DoctorReport {
  /** Goals whose model was compared with its replay; milestones whose links were checked. */
  checked: { goals: number; milestones: number };
  problems: DoctorProblem[];
}

const GOAL_PAGE = 200;

/**
 * Checks the derived data against the facts: every goal's stored ladder model against its replay,
 * each step's maintained attempt and success counts against a recount of its attempts,
 * evidence links (to a missing or another person's attempt, goal, step or domain, or a step of
 * another goal), milestones (step or evidence gone or another person's) and audits (ratings of a
 * missing or another person's domain; no ratings, or out of range). With `fix`, repairs what can
 * be derived: models replayed, counts recounted, dangling links cleared, ratings of foreign
 * domains removed.
 */
export async function doctor(db: Db, fix: boolean): Promise<DoctorReport> {
  const problems: DoctorProblem[] = [];
  const goals = await checkModels(db, fix, problems);
  await checkStepCounts(db, fix, problems);
  await checkEvidence(db, fix, problems);
  const milestones = await checkMilestones(db, fix, problems);
  await checkAudits(db, fix, problems);
  return { checked: { goals, milestones }, problems };
}

/** What is wrong with a stored model compared with its replay; null when it is the replay. */
export function modelProblem(stored: string | null, replayed: LadderModel | null): string | null {
  if (stored === null) {
    return replayed === null ? null : "has active steps but no stored ladder model";
  }
  if (replayed === null) return "has a stored ladder model but no active step";
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return "stored ladder model is not JSON";
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== LADDER_MODEL_VERSION) {
    return `stored ladder model is version ${String(version)}, the engine's is ${LADDER_MODEL_VERSION}`;
  }
  const parsed = LadderModel.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `stored ladder model is not valid (${issue?.path.join(".") || "model"}: ${issue?.message ?? "?"})`;
  }
  const want: unknown = JSON.parse(JSON.stringify(replayed));
  if (isDeepStrictEqual(json, want)) return null;
  return `stored ladder model differs from its replay (${describeDifference(parsed.data, replayed)})`;
}

function describeDifference(stored: LadderModel, replayed: LadderModel): string {
  const parts: string[] = [];
  if (stored.attempts !== replayed.attempts) {
    parts.push(`it counts ${stored.attempts} attempts, the facts ${replayed.attempts}`);
  }
  const ids = (m: LadderModel) => m.steps.map((s) => s.id).join(",");
  if (ids(stored) !== ids(replayed)) parts.push("its steps are not the ladder's");
  if (stored.ability !== replayed.ability) {
    parts.push(`ability ${stored.ability.toFixed(3)} instead of ${replayed.ability.toFixed(3)}`);
  }
  const override = stored.steps.find(
    (s) => replayed.steps.find((r) => r.id === s.id)?.override !== s.override,
  );
  if (override) parts.push(`the override of step ${override.id} is not the step's`);
  return parts.length > 0 ? parts.join("; ") : "step estimates differ";
}

async function checkModels(db: Db, fix: boolean, problems: DoctorProblem[]): Promise<number> {
  let checked = 0;
  let after: string | null = null;
  for (;;) {
    // Goal by goal, so memory stays flat whatever the size of the database.
    const page = await listGoalModels(db, after, GOAL_PAGE);
    for (const goal of page) {
      checked++;
      const replayed = replayLadderModel(await listLadderFacts(db, goal.id));
      const message = modelProblem(goal.model, replayed);
      if (message === null) continue;
      const problem: DoctorProblem = {
        kind: "ladder_model",
        id: goal.id,
        userId: goal.userId,
        message: `goal ${goal.id}: ${message}`,
        fixable: true,
        fixed: null,
      };
      if (fix) {
        // Replayed again under the goal's lock, so a request logging an attempt meanwhile is
        // neither lost nor overwritten.
        problem.fixed = await db.transaction().execute(async (trx) => {
          const locked = await lockGoal(trx, goal.userId, goal.id);
          if (!locked) return null;
          const model = replayLadderModel(await listLadderFacts(trx, goal.id));
          if (modelProblem(locked.model, model) === null) return "already repaired";
          await setGoalModel(trx, goal.id, model === null ? null : JSON.stringify(model));
          return model === null ? "stored model removed" : "model replayed from the facts";
        });
      }
      problems.push(problem);
    }
    const last = page[page.length - 1];
    if (!last || page.length < GOAL_PAGE) return checked;
    after = last.id;
  }
}

async function checkStepCounts(db: Db, fix: boolean, problems: DoctorProblem[]): Promise<void> {
  for (const d of await findStepCountDrift(db)) {
    const problem: DoctorProblem = {
      kind: "step_counts",
      id: d.stepId,
      userId: d.userId,
      message: `step ${d.stepId}: counts ${d.attemptCount} attempts and ${d.successCount} successes, its attempts ${d.attempts} and ${d.successes}`,
      fixable: true,
      fixed: null,
    };
    if (fix) {
      // Under the goal's lock, as every attempt write is: a recount cannot miss one in flight.
      await db.transaction().execute(async (trx) => {
        await lockGoal(trx, d.userId, d.goalId);
        await recountStepCounts(trx, [d.stepId]);
      });
      problem.fixed = "counts recounted from the attempts";
    }
    problems.push(problem);
  }
}

async function checkEvidence(db: Db, fix: boolean, problems: DoctorProblem[]): Promise<void> {
  const bad = await findBadEvidenceLinks(db);
  for (const link of bad) {
    const field = link.link;
    const problem: DoctorProblem = {
      kind: "evidence_link",
      id: link.evidenceId,
      userId: link.userId,
      message: `evidence ${link.evidenceId}: ${field} points at ${link.why} ${noun(field)} ${link.target}`,
      // The domain is required: which one it should be is the person's call.
      fixable: field !== "domainId",
      fixed: null,
    };
    if (fix && field !== "domainId") {
      await clearEvidenceLink(db, link.evidenceId, field);
      problem.fixed = `${field} cleared`;
    }
    problems.push(problem);
  }
}

async function checkMilestones(db: Db, fix: boolean, problems: DoctorProblem[]): Promise<number> {
  const milestones = await listMilestoneLinks(db);
  const evidenceIds = new Map<string, string[]>();
  for (const m of milestones) evidenceIds.set(m.id, parseIds(m.evidenceIds));
  const owners = await evidenceOwners(db, [...new Set([...evidenceIds.values()].flat())]);

  for (const m of milestones) {
    const messages: string[] = [];
    const changes: { stepId?: null; evidenceIds?: string } = {};
    if (m.stepId !== null) {
      const why =
        m.stepOwner === null
          ? "missing"
          : m.stepOwner !== m.userId
            ? "another person's"
            : m.stepGoalId !== m.goalId
              ? "another goal's"
              : null;
      if (why) {
        messages.push(`its step ${m.stepId} is ${why}`);
        changes.stepId = null;
      }
    }
    const ids = evidenceIds.get(m.id) ?? [];
    const kept = ids.filter((id) => owners.get(id) === m.userId);
    if (kept.length !== ids.length) {
      const gone = ids.filter((id) => !kept.includes(id));
      messages.push(`evidence ${gone.join(", ")} is gone or another person's`);
      changes.evidenceIds = JSON.stringify(kept);
    }
    if (messages.length === 0) continue;
    const problem: DoctorProblem = {
      kind: "milestone_link",
      id: m.id,
      userId: m.userId,
      message: `milestone ${m.id}: ${messages.join("; ")}`,
      fixable: true,
      fixed: null,
    };
    if (fix) {
      await setMilestoneLinks(db, m.id, changes);
      problem.fixed = [
        changes.stepId === null ? "step link cleared" : null,
        changes.evidenceIds !== undefined ? "dangling evidence links removed" : null,
      ]
        .filter((x) => x !== null)
        .join(", ");
    }
    problems.push(problem);
  }
  return milestones.length;
}

async function checkAudits(db: Db, fix: boolean, problems: DoctorProblem[]): Promise<void> {
  for (const r of await findBadAuditRatings(db)) {
    const problem: DoctorProblem = {
      kind: "audit_rating",
      id: r.auditId,
      userId: r.userId,
      message: `audit ${r.auditId}: rates ${r.why} domain ${r.domainId}`,
      fixable: true,
      fixed: null,
    };
    if (fix) {
      await deleteAuditRating(db, r.auditId, r.domainId);
      problem.fixed = "rating removed";
    }
    problems.push(problem);
  }
  for (const a of await findIncompleteAudits(db)) {
    problems.push({
      kind: "audit_incomplete",
      id: a.auditId,
      userId: a.userId,
      message: `audit ${a.auditId}: ${a.why}`,
      fixable: false,
      fixed: null,
    });
  }
}

function noun(field: string): string {
  return field.replace(/Id$/, "");
}

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/**
 * `cando doctor [--fix] [--json]`: prints each problem plainly (and what was changed), or a JSON
 * report. Exit code 0 when nothing is wrong (or, with --fix, everything found was repaired),
 * 1 when problems remain.
 */
export async function runDoctor(input: {
  databaseUrl: string;
  fix: boolean;
  json: boolean;
  stdout: Output;
  stderr: Output;
}): Promise<number> {
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  try {
    const report = await doctor(db, input.fix);
    const remaining = report.problems.filter((p) => p.fixed === null).length;
    if (input.json) {
      input.stdout.write(
        `${JSON.stringify(
          {
            ...report,
            found: report.problems.length,
            fixed: report.problems.length - remaining,
            remaining,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      writeText(input.stdout, report, input.fix);
    }
    return remaining === 0 ? EXIT_OK : EXIT_FAILED;
  } finally {
    await db.destroy();
  }
}

function writeText(out: Output, report: DoctorReport, fix: boolean): void {
  const { goals, milestones } = report.checked;
  out.write(
    `Checked ${goals} goal${goals === 1 ? "" : "s"}' ladder models, evidence links, ${milestones} milestone${milestones === 1 ? "" : "s"} and audits.\n`,
  );
  const problems = report.problems;
  if (problems.length === 0) {
    out.write("No problems found.\n");
    return;
  }
  for (const p of problems) {
    const note = p.fixed !== null ? ` — fixed: ${p.fixed}` : p.fixable ? "" : " (needs a person)";
    out.write(`  ${p.message}${note}\n`);
  }
  const fixable = problems.filter((p) => p.fixable).length;
  const fixed = problems.filter((p) => p.fixed !== null).length;
  const n = problems.length;
  if (fix) {
    out.write(`${n} problem${n === 1 ? "" : "s"} found, ${fixed} fixed.\n`);
  } else {
    out.write(
      `${n} problem${n === 1 ? "" : "s"} found` +
        (fixable > 0 ? `; \`cando doctor --fix\` can repair ${fixable}.\n` : ".\n"),
    );
  }
}
