import {
  AcceptInvitationInput,
  ConflictError,
  Grant,
  GrantUpdate,
  Invitation,
  InvitationCreated,
  InvitationInput,
  InvitationQuery,
  SharedGoalSummary,
  SharedGoalView,
  SharingRole,
} from "@cando/core";
import {
  type Db,
  findUserById,
  type GrantChanges,
  hashInvitationToken,
  INVITATION_TTL_MS,
  insertInvitation,
  listGrantsOfGoal,
  listInvitations,
  newInvitationToken,
  revokeGrant,
  revokeInvitation,
  updateGrant,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access, type GoalReader } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { GoalParams } from "../goals/routes";
import { errors, json, jsonBody } from "../http/openapi";
import { notify } from "../notifications/notify";
import { acceptInvitation } from "./accept";
import { presentGrant, presentInvitation } from "./present";
import { sharedGoalView } from "./view";

const InvitationParams = z.object({ invitationId: z.string().min(1).max(64) });
const GrantParams = z.object({ grantId: z.string().min(1).max(64) });
const GrantResponse = z.object({ grant: Grant });

const tags = ["sharing"];

const invite = createRoute({
  method: "post",
  path: "/api/invitations",
  tags,
  summary: "Invite a supporter or coach to one goal by a single-use link (7 days)",
  ...authenticated,
  request: { body: jsonBody(InvitationInput) },
  responses: {
    201: json(InvitationCreated, "The invitation and its token, shown once."),
    ...errors(400, 401, 403, 404),
  },
});

const listInvites = createRoute({
  method: "get",
  path: "/api/invitations",
  tags,
  summary: "The person's invitations, newest first, with who accepted each",
  ...authenticated,
  request: { query: InvitationQuery },
  responses: {
    200: json(z.object({ invitations: z.array(Invitation) }), "Invitations."),
    ...errors(400, 401),
  },
});

const revokeInvite = createRoute({
  method: "delete",
  path: "/api/invitations/{invitationId}",
  tags,
  summary: "Revoke an invitation before it is used",
  ...authenticated,
  request: { params: InvitationParams },
  responses: {
    200: json(z.object({ invitation: Invitation }), "The revoked invitation."),
    ...errors(401, 403, 404, 409),
  },
});

const accept = createRoute({
  method: "post",
  path: "/api/invitations/accept",
  tags,
  summary: "Accept an invitation: the goal is shared with you, read-only",
  ...authenticated,
  request: { body: jsonBody(AcceptInvitationInput) },
  responses: {
    200: json(
      z.object({ goalId: z.string(), role: SharingRole, ownerEmail: z.string() }),
      "Accepted.",
    ),
    ...errors(400, 401, 403),
  },
});

const goalGrants = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/grants",
  tags,
  summary: "Who this goal is shared with (live and revoked grants)",
  ...authenticated,
  request: { params: GoalParams },
  responses: {
    200: json(z.object({ grants: z.array(Grant) }), "Grants."),
    ...errors(401, 404),
  },
});

const changeGrant = createRoute({
  method: "patch",
  path: "/api/grants/{grantId}",
  tags,
  summary: "Switch shared sections on or off, or rate this supporter's credibility (0–100)",
  ...authenticated,
  request: { params: GrantParams, body: jsonBody(GrantUpdate) },
  responses: { 200: json(GrantResponse, "The grant."), ...errors(400, 401, 403, 404, 409) },
});

const revoke = createRoute({
  method: "delete",
  path: "/api/grants/{grantId}",
  tags,
  summary: "Revoke a grant: from the next request on they see nothing of this goal",
  ...authenticated,
  request: { params: GrantParams },
  responses: { 200: json(GrantResponse, "The revoked grant."), ...errors(401, 403, 404) },
});

const preview = createRoute({
  method: "get",
  path: "/api/grants/{grantId}/preview",
  tags,
  summary: "See what they see: the goal exactly as this grant shows it",
  ...authenticated,
  request: { params: GrantParams },
  responses: {
    200: json(SharedGoalView, "Their view."),
    ...errors(401, 404, 409),
  },
});

const sharedList = createRoute({
  method: "get",
  path: "/api/shared",
  tags,
  summary: "The people and goals shared with me",
  ...authenticated,
  responses: {
    200: json(z.object({ goals: z.array(SharedGoalSummary) }), "Shared goals."),
    ...errors(401),
  },
});

const sharedGoal = createRoute({
  method: "get",
  path: "/api/shared/goals/{goalId}",
  tags,
  summary: "A goal shared with me, read-only: exactly what is granted",
  ...authenticated,
  request: { params: GoalParams },
  responses: { 200: json(SharedGoalView, "The shared goal."), ...errors(401, 404) },
});

export function registerSharingRoutes(app: App): void {
  app.openapi(invite, async (c) => {
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const goal = await access.goal(db, c.var.user, input.goalId);
    const now = clock.now();
    const token = newInvitationToken();
    const row = {
      id: newId(),
      userId: c.var.user.id,
      goalId: goal.id,
      role: input.role,
      label: input.label,
      tokenHash: hashInvitationToken(token),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
      revokedAt: null,
      acceptedAt: null,
      acceptedBy: null,
    };
    await insertInvitation(db, row);
    return c.json(
      { invitation: presentInvitation({ ...row, acceptedByEmail: null }, now), token },
      201,
    );
  });

  app.openapi(listInvites, async (c) => {
    const { goalId } = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const rows = await listInvitations(db, c.var.user.id, goalId);
    const now = clock.now();
    return c.json({ invitations: rows.map((r) => presentInvitation(r, now)) }, 200);
  });

  app.openapi(revokeInvite, async (c) => {
    const { invitationId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const invitation = await access.invitation(db, user, invitationId);
    if (!(await revokeInvitation(db, user.id, invitation.id, clock.now().toISOString())))
      throw new ConflictError("invitation_closed", "This invitation was already used or revoked.");
    const [row] = (await listInvitations(db, user.id, invitation.goalId)).filter(
      (r) => r.id === invitation.id,
    );
    return c.json(
      {
        invitation: presentInvitation(row ?? { ...invitation, acceptedByEmail: null }, clock.now()),
      },
      200,
    );
  });

  app.openapi(accept, async (c) => {
    const { token } = c.req.valid("json");
    const { db } = c.var.deps;
    const user = c.var.user;
    const { invitation } = await db
      .transaction()
      .execute((trx) => acceptInvitation(trx, c.var.deps, token, user.id));
    const owner = await findUserById(db, invitation.userId);
    return c.json(
      {
        goalId: invitation.goalId,
        role: invitation.role as SharingRole,
        ownerEmail: owner?.email ?? "",
      },
      200,
    );
  });

  app.openapi(goalGrants, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db } = c.var.deps;
    const goal = await access.goal(db, c.var.user, goalId);
    const rows = await listGrantsOfGoal(db, c.var.user.id, goal.id);
    return c.json({ grants: rows.map(presentGrant) }, 200);
  });

  app.openapi(changeGrant, async (c) => {
    const { grantId } = c.req.valid("param");
    const patch = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const grant = await access.grant(db, user, grantId);
    if (grant.revokedAt !== null)
      throw new ConflictError("grant_revoked", "This grant was revoked; invite them again.");
    const changes: GrantChanges = {};
    if (patch.credibility !== undefined) changes.credibility = patch.credibility;
    if (patch.debriefs !== undefined) changes.shareDebriefs = patch.debriefs ? 1 : 0;
    if (patch.evidence !== undefined) changes.shareEvidence = patch.evidence ? 1 : 0;
    if (patch.audits !== undefined) changes.shareAudits = patch.audits ? 1 : 0;
    if (patch.reflections !== undefined) changes.shareReflections = patch.reflections ? 1 : 0;
    await updateGrant(db, user.id, grant.id, changes, clock.now().toISOString());
    return c.json({ grant: await grantOf(db, user.id, grant.goalId, grant.id) }, 200);
  });

  app.openapi(revoke, async (c) => {
    const { grantId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const grant = await access.grant(db, user, grantId);
    await db.transaction().execute(async (trx) => {
      await revokeGrant(trx, user.id, grant.id, clock.now().toISOString());
      if (grant.revokedAt === null) {
        await notify(trx, c.var.deps, {
          userId: grant.supporterId,
          kind: "grant_revoked",
          // No name: after revocation they learn nothing more of the person's data.
          text: "A goal shared with you is no longer shared.",
          href: "/shared",
        });
      }
    });
    return c.json({ grant: await grantOf(db, user.id, grant.goalId, grant.id) }, 200);
  });

  app.openapi(preview, async (c) => {
    const { grantId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const reader = await access.grantPreview(db, c.var.user, grantId);
    return c.json(await viewOf(db, reader, clock.now()), 200);
  });

  app.openapi(sharedList, async (c) => {
    const { db } = c.var.deps;
    const rows = await access.sharedWithMe(db, c.var.user);
    return c.json({ goals: rows.map((r) => ({ ...r, role: r.role as SharingRole })) }, 200);
  });

  app.openapi(sharedGoal, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const reader = await access.goalReader(db, c.var.user, goalId);
    return c.json(await viewOf(db, reader, clock.now()), 200);
  });
}

async function viewOf(db: Db, reader: GoalReader, now: Date) {
  const owner = await findUserById(db, reader.goal.userId);
  return sharedGoalView(db, reader, owner?.email ?? "", now);
}

async function grantOf(db: Db, userId: string, goalId: string, grantId: string) {
  const row = (await listGrantsOfGoal(db, userId, goalId)).find((g) => g.id === grantId);
  if (!row) throw new Error("the grant just changed is gone");
  return presentGrant(row);
}
