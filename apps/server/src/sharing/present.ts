import type { Grant, Invitation, SharingRole } from "@cando/core";
import type { GrantWithSupporter, InvitationWithAcceptor } from "@cando/storage";
import { sectionsOf } from "../access";

export function presentInvitation(row: InvitationWithAcceptor, now: Date): Invitation {
  const status = row.acceptedAt
    ? "accepted"
    : row.revokedAt
      ? "revoked"
      : row.expiresAt <= now.toISOString()
        ? "expired"
        : "pending";
  return {
    id: row.id,
    goalId: row.goalId,
    role: row.role as SharingRole,
    label: row.label,
    status,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    acceptedBy: row.acceptedByEmail,
  };
}

export function presentGrant(row: GrantWithSupporter): Grant {
  return {
    id: row.id,
    goalId: row.goalId,
    role: row.role as SharingRole,
    label: row.label,
    supporterEmail: row.supporterEmail,
    credibility: row.credibility,
    sections: sectionsOf(row),
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}
