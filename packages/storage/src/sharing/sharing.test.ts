import { expect, it } from "vitest";
import { deleteAccountData, deleteGoal, insertDomains, insertGoal, insertUser } from "../index";
import { buildDomain, buildGoal, buildUser, describeEachDatabase } from "../test-support";
import {
  consumeInvitation,
  findLiveGrant,
  findLiveInvitation,
  type GrantRow,
  hashInvitationToken,
  type InvitationRow,
  insertInvitation,
  listGrantsOfGoal,
  listInvitations,
  listSharedWith,
  revokeGrant,
  revokeInvitation,
  updateGrant,
  upsertGrant,
} from "./sharing";

const NOW = "2026-12-08T08:00:00.000Z";
const LATER = "2026-12-16T08:00:00.000Z";

const invitation = (userId: string, goalId: string, token: string): InvitationRow => ({
  id: `invitation-${token}`,
  userId,
  goalId,
  role: "supporter",
  label: "Maya",
  tokenHash: hashInvitationToken(token),
  createdAt: NOW,
  expiresAt: "2026-12-15T08:00:00.000Z",
  revokedAt: null,
  acceptedAt: null,
  acceptedBy: null,
});

const grant = (userId: string, goalId: string, supporterId: string): GrantRow => ({
  id: `grant-${goalId}-${supporterId}`,
  userId,
  goalId,
  supporterId,
  role: "supporter",
  label: "Maya",
  credibility: null,
  shareDebriefs: 0,
  shareEvidence: 0,
  shareAudits: 0,
  shareReflections: 0,
  createdAt: NOW,
  updatedAt: NOW,
  revokedAt: null,
});

describeEachDatabase("sharing", (db) => {
  async function personWithGoal() {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const goal = buildGoal(user.id, domain.id);
    await insertGoal(db(), goal);
    return { user, goal };
  }

  it("uses an invitation once, never by its owner, never when revoked or expired", async () => {
    const { user, goal } = await personWithGoal();
    const maya = buildUser();
    await insertUser(db(), maya);
    await insertInvitation(db(), invitation(user.id, goal.id, "t1"));
    await insertInvitation(db(), invitation(user.id, goal.id, "t2"));
    await insertInvitation(db(), invitation(user.id, goal.id, "t3"));

    expect(await consumeInvitation(db(), hashInvitationToken("t1"), user.id, NOW)).toBeUndefined();
    const used = await consumeInvitation(db(), hashInvitationToken("t1"), maya.id, NOW);
    expect(used?.acceptedBy).toBe(maya.id);
    expect(await consumeInvitation(db(), hashInvitationToken("t1"), maya.id, NOW)).toBeUndefined();

    expect(await revokeInvitation(db(), user.id, "invitation-t2", NOW)).toBe(true);
    expect(await revokeInvitation(db(), user.id, "invitation-t1", NOW)).toBe(false);
    expect(await findLiveInvitation(db(), hashInvitationToken("t2"), NOW)).toBeUndefined();
    expect(await consumeInvitation(db(), hashInvitationToken("t2"), maya.id, NOW)).toBeUndefined();

    expect(await findLiveInvitation(db(), hashInvitationToken("t3"), NOW)).toBeDefined();
    expect(
      await consumeInvitation(db(), hashInvitationToken("t3"), maya.id, LATER),
    ).toBeUndefined();

    const listed = await listInvitations(db(), user.id);
    expect(listed.find((i) => i.id === "invitation-t1")?.acceptedByEmail).toBe(maya.email);
    expect(await listInvitations(db(), maya.id)).toEqual([]);
  });

  it("grants least privilege, revokes at once, and re-granting switches sections off again", async () => {
    const { user, goal } = await personWithGoal();
    const maya = buildUser();
    await insertUser(db(), maya);
    const g = await upsertGrant(db(), grant(user.id, goal.id, maya.id));
    expect(g.shareEvidence).toBe(0);
    expect((await findLiveGrant(db(), maya.id, goal.id))?.id).toBe(g.id);
    expect(await findLiveGrant(db(), user.id, goal.id)).toBeUndefined();

    await updateGrant(db(), user.id, g.id, { shareEvidence: 1, credibility: 80 }, NOW);
    // Another person cannot change it.
    await updateGrant(db(), maya.id, g.id, { shareDebriefs: 1 }, NOW);
    const [listed] = await listGrantsOfGoal(db(), user.id, goal.id);
    expect(listed).toMatchObject({ shareEvidence: 1, shareDebriefs: 0, credibility: 80 });
    expect(listed?.supporterEmail).toBe(maya.email);
    expect(await listSharedWith(db(), maya.id)).toHaveLength(1);

    await revokeGrant(db(), user.id, g.id, NOW);
    expect(await findLiveGrant(db(), maya.id, goal.id)).toBeUndefined();
    expect(await listSharedWith(db(), maya.id)).toEqual([]);

    const again = await upsertGrant(db(), { ...grant(user.id, goal.id, maya.id), id: "other" });
    expect(again).toMatchObject({ id: g.id, shareEvidence: 0, revokedAt: null, credibility: 80 });
  });

  it("deleting either account removes its side of the sharing", async () => {
    const { user, goal } = await personWithGoal();
    const maya = buildUser();
    await insertUser(db(), maya);
    await insertInvitation(db(), invitation(user.id, goal.id, "d1"));
    await consumeInvitation(db(), hashInvitationToken("d1"), maya.id, NOW);
    await upsertGrant(db(), grant(user.id, goal.id, maya.id));

    await db()
      .transaction()
      .execute((trx) => deleteAccountData(trx, maya.id));
    expect(await listGrantsOfGoal(db(), user.id, goal.id)).toEqual([]);
    const [used] = await listInvitations(db(), user.id);
    expect(used).toMatchObject({ acceptedBy: null, acceptedAt: NOW });

    await db()
      .transaction()
      .execute((trx) => deleteAccountData(trx, user.id));
    const left = await db().selectFrom("invitations").select("id").execute();
    expect(left.filter((r) => r.id === "invitation-d1")).toEqual([]);
  });

  it("deleting a goal deletes its invitations and grants", async () => {
    const { user, goal } = await personWithGoal();
    const maya = buildUser();
    await insertUser(db(), maya);
    await insertInvitation(db(), invitation(user.id, goal.id, "g1"));
    await upsertGrant(db(), grant(user.id, goal.id, maya.id));
    await db()
      .transaction()
      .execute((trx) => deleteGoal(trx, user.id, goal.id));
    expect(await listInvitations(db(), user.id)).toEqual([]);
    expect(await listSharedWith(db(), maya.id)).toEqual([]);
  });
});
