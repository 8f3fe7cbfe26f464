import { ConflictError, NotFoundError, type Sections } from "@cando/core";
import {
  type AttemptRow,
  type AttemptStartRow,
  type Db,
  type DomainRow,
  type EvidenceRow,
  type FeedbackRow,
  findAttempt,
  findAttemptForFeedback,
  findAttemptStart,
  findAttemptToDebrief,
  findAudit,
  findDomain,
  findEvidence,
  findEvidenceForFeedback,
  findFeedback,
  findGoal,
  findGrant,
  findInvitation,
  findLiveGrant,
  findMilestone,
  findRoleModel,
  findRoleModelStep,
  findRoutineRun,
  findStep,
  type GoalRow,
  type GrantRow,
  type InvitationRow,
  type LockedGoal,
  listSharedWith,
  lockGoal,
  lockGoalOf,
  lockRoleModel,
  type MilestoneRow,
  type RoleModelRow,
  type RoleModelStepRow,
  type RoutineRunRow,
  type StepRow,
  type UserRow,
} from "@cando/storage";

/**
 * Authorization, in one place: every route that names a resource by id loads it through here.
 * A resource that is not the caller's is reported exactly like a missing one (404), so ids of
 * other people's data reveal nothing.
 */
export const access = {
  async domain(db: Db, actor: UserRow, domainId: string): Promise<DomainRow> {
    return found(await findDomain(db, actor.id, domainId), "domain");
  },

  async audit(db: Db, actor: UserRow, auditId: string) {
    return found(await findAudit(db, actor.id, auditId), "audit");
  },

  async goal(db: Db, actor: UserRow, goalId: string): Promise<GoalRow> {
    return found(await findGoal(db, actor.id, goalId), "goal");
  },

  /**
   * The goal, locked until the transaction ends: use it for every write that reads the goal's
   * ladder (model, steps, attempts) and writes it back.
   */
  async goalForUpdate(db: Db, actor: UserRow, goalId: string): Promise<GoalRow> {
    return found(await lockGoal(db, actor.id, goalId), "goal");
  },

  /**
   * The goal of the caller's step, locked as `goalForUpdate` locks it, in one statement: for a
   * write that names the step (logging an attempt). Read the step after it, under the lock. The
   * person's target comes with it (the ladder view the write answers needs it).
   */
  async goalOfStepForUpdate(db: Db, actor: UserRow, stepId: string): Promise<LockedGoal> {
    return found(await lockGoalOf(db, actor.id, { stepId }), "step");
  },

  /** The goal of the caller's attempt, locked (see goalOfStepForUpdate): debriefing it. */
  async goalOfAttemptForUpdate(db: Db, actor: UserRow, attemptId: string): Promise<LockedGoal> {
    return found(await lockGoalOf(db, actor.id, { attemptId }), "attempt");
  },

  async step(db: Db, actor: UserRow, stepId: string): Promise<StepRow> {
    return found(await findStep(db, actor.id, stepId), "step");
  },

  async attempt(db: Db, actor: UserRow, attemptId: string): Promise<AttemptRow> {
    return found(await findAttempt(db, actor.id, attemptId), "attempt");
  },

  /**
   * The caller's attempt of this goal with when its debrief was first written (null: none yet)
   * and the goal's steps, in one statement: debriefing, under the goal's lock.
   */
  async attemptToDebrief(db: Db, actor: UserRow, attemptId: string, goalId: string) {
    return found(await findAttemptToDebrief(db, actor.id, attemptId, goalId), "attempt");
  },

  async evidence(db: Db, actor: UserRow, evidenceId: string): Promise<EvidenceRow> {
    return found(await findEvidence(db, actor.id, evidenceId), "evidence");
  },

  async milestone(db: Db, actor: UserRow, milestoneId: string): Promise<MilestoneRow> {
    return found(await findMilestone(db, actor.id, milestoneId), "milestone");
  },

  async roleModel(db: Db, actor: UserRow, roleModelId: string): Promise<RoleModelRow> {
    return found(await findRoleModel(db, actor.id, roleModelId), "role_model");
  },

  /** The role model, locked until the transaction ends: for writes to its steps. */
  async roleModelForUpdate(db: Db, actor: UserRow, roleModelId: string): Promise<RoleModelRow> {
    return found(await lockRoleModel(db, actor.id, roleModelId), "role_model");
  },

  async roleModelStep(db: Db, actor: UserRow, id: string): Promise<RoleModelStepRow> {
    return found(await findRoleModelStep(db, actor.id, id), "role_model_step");
  },

  // Sharing. Every other method above answers for the owner only, so a supporter or coach can
  // never write (or read) through them. What others may read is decided here, by a live grant
  // looked up on every request: a revoked grant stops the very next one.

  /**
   * Who is reading this goal, and what of it: the owner reads every section; a supporter or coach
   * with a live grant reads the goal, ladder, outcomes and next step plus the sections switched
   * on; anyone else gets the 404 of a missing goal.
   */
  async goalReader(db: Db, actor: UserRow, goalId: string): Promise<GoalReader> {
    const own = await findGoal(db, actor.id, goalId);
    if (own) return { goal: own, viewer: "owner", sections: ALL_SECTIONS, grant: null };
    const grant = await findLiveGrant(db, actor.id, goalId);
    const goal = grant && (await findGoal(db, grant.userId, goalId));
    if (!grant || !goal) throw new NotFoundError("goal");
    return readerOf(goal, grant);
  },

  /** "See what they see": the owner reads their goal exactly as this grant's supporter does. */
  async grantPreview(db: Db, actor: UserRow, grantId: string): Promise<GoalReader> {
    const grant = await access.grant(db, actor, grantId);
    if (grant.revokedAt !== null)
      throw new ConflictError("grant_revoked", "This grant was revoked: they see nothing now.");
    return readerOf(found(await findGoal(db, actor.id, grant.goalId), "goal"), grant);
  },

  /** The goals shared with the caller by live grants (a supporter's or coach's list). */
  async sharedWithMe(db: Db, actor: UserRow) {
    return listSharedWith(db, actor.id);
  },

  /** A grant the caller gave (only the person who shares may change or revoke it). */
  async grant(db: Db, actor: UserRow, grantId: string): Promise<GrantRow> {
    return found(await findGrant(db, actor.id, grantId), "grant");
  },

  /**
   * Where a supporter or coach may write feedback: an attempt of a goal they can read (outcomes are
   * always shared), or a piece of evidence of such a goal when evidence is switched on. Anything
   * else, and the owner's own data, is the 404 of a missing attempt or evidence.
   */
  async feedbackTarget(
    db: Db,
    actor: UserRow,
    target: { attemptId?: string | undefined; evidenceId?: string | undefined },
  ): Promise<GoalReader & { grant: GrantRow }> {
    const thing = target.attemptId !== undefined ? "attempt" : "evidence";
    const row =
      target.attemptId !== undefined
        ? await findAttemptForFeedback(db, target.attemptId)
        : await findEvidenceForFeedback(db, target.evidenceId ?? "");
    if (!row || row.goalId === null || row.userId === actor.id) throw new NotFoundError(thing);
    const grant = await findLiveGrant(db, actor.id, row.goalId);
    const goal = grant && (await findGoal(db, grant.userId, row.goalId));
    if (!grant || !goal || goal.userId !== row.userId) throw new NotFoundError(thing);
    const reader = readerOf(goal, grant);
    if (thing === "evidence" && !reader.sections.evidence) throw new NotFoundError(thing);
    return { ...reader, grant };
  },

  /** Feedback kept in the caller's account (only the person it is about may change it). */
  async feedback(db: Db, actor: UserRow, feedbackId: string): Promise<FeedbackRow> {
    return found(await findFeedback(db, actor.id, feedbackId), "feedback");
  },

  /** An invitation the caller made. */
  async invitation(db: Db, actor: UserRow, invitationId: string): Promise<InvitationRow> {
    return found(await findInvitation(db, actor.id, invitationId), "invitation");
  },

  async attemptStart(db: Db, actor: UserRow, startId: string): Promise<AttemptStartRow> {
    return found(await findAttemptStart(db, actor.id, startId), "attempt_in_progress");
  },

  async routineRun(db: Db, actor: UserRow, runId: string): Promise<RoutineRunRow> {
    return found(await findRoutineRun(db, actor.id, runId), "routine_run");
  },
};

export interface GoalReader {
  goal: GoalRow;
  viewer: "owner" | "supporter" | "coach";
  sections: Sections;
  /** The grant it is read through; null for the owner. */
  grant: GrantRow | null;
}

const ALL_SECTIONS: Sections = { debriefs: true, evidence: true, audits: true, reflections: true };

/** What a grant shares beyond the goal, ladder, outcomes and next step. */
export function sectionsOf(grant: GrantRow): Sections {
  return {
    debriefs: grant.shareDebriefs === 1,
    evidence: grant.shareEvidence === 1,
    audits: grant.shareAudits === 1,
    reflections: grant.shareReflections === 1,
  };
}

function readerOf(goal: GoalRow, grant: GrantRow): GoalReader {
  return {
    goal,
    viewer: grant.role === "coach" ? "coach" : "supporter",
    sections: sectionsOf(grant),
    grant,
  };
}

function found<T>(row: T | undefined, thing: string): T {
  if (row === undefined) throw new NotFoundError(thing);
  return row;
}
