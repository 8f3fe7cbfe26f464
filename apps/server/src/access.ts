import { NotFoundError } from "@cando/core";
import {
  type AttemptRow,
  type Db,
  type DomainRow,
  type EvidenceRow,
  findAttempt,
  findAudit,
  findDomain,
  findEvidence,
  findGoal,
  findMilestone,
  findRoleModel,
  findRoleModelStep,
  findStep,
  type GoalRow,
  lockGoal,
  lockRoleModel,
  type MilestoneRow,
  type RoleModelRow,
  type RoleModelStepRow,
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

  async step(db: Db, actor: UserRow, stepId: string): Promise<StepRow> {
    return found(await findStep(db, actor.id, stepId), "step");
  },

  async attempt(db: Db, actor: UserRow, attemptId: string): Promise<AttemptRow> {
    return found(await findAttempt(db, actor.id, attemptId), "attempt");
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
};

function found<T>(row: T | undefined, thing: string): T {
  if (row === undefined) throw new NotFoundError(thing);
  return row;
}
