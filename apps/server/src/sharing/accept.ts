import { ValidationError } from "@cando/core";
import {
  consumeInvitation,
  type Db,
  findLiveInvitation,
  hashInvitationToken,
  upsertGrant,
} from "@cando/storage";
import type { AppDeps } from "../context";
import { notify } from "../notifications/notify";

/**
 * Accepts an invitation for this account inside the caller's transaction: uses the link once and
 * gives the goal to the new supporter, least-privilege. A used, revoked, expired or unknown link
 * (or one's own) is a 400 on `field`, and nothing changes.
 */
export async function acceptInvitation(
  trx: Db,
  deps: Pick<AppDeps, "clock" | "newId">,
  token: string,
  userId: string,
  field = "token",
) {
  const now = deps.clock.now().toISOString();
  const hash = hashInvitationToken(token);
  const live = await findLiveInvitation(trx, hash, now);
  if (live && live.userId === userId)
    throw new ValidationError([{ path: field, message: "is your own invitation" }]);
  const invitation = await consumeInvitation(trx, hash, userId, now);
  if (!invitation)
    throw new ValidationError([
      { path: field, message: "is not a live invitation (used, revoked or expired)" },
    ]);
  const grant = await upsertGrant(trx, {
    id: deps.newId(),
    userId: invitation.userId,
    goalId: invitation.goalId,
    supporterId: userId,
    role: invitation.role,
    label: invitation.label,
    credibility: null,
    shareDebriefs: 0,
    shareEvidence: 0,
    shareAudits: 0,
    shareReflections: 0,
    createdAt: now,
    updatedAt: now,
    revokedAt: null,
  });
  await notify(trx, deps, {
    userId: invitation.userId,
    kind: "invitation_accepted",
    text: `${invitation.label || "Your supporter"} accepted your invitation.`,
    href: `/goals/${encodeURIComponent(invitation.goalId)}`,
  });
  return { invitation, grant };
}

/** Whether this token would let a sign-up through while sign-up is closed. */
export async function isLiveInvitation(db: Db, token: string, now: Date): Promise<boolean> {
  return (
    (await findLiveInvitation(db, hashInvitationToken(token), now.toISOString())) !== undefined
  );
}
