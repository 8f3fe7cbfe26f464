import type { Audit, AuditDue, Domain, User } from "@cando/core";

// Response bodies of the HTTP API; the entities themselves come from @cando/core.
export type UserResponse = { user: User };
export type DomainListResponse = { domains: Domain[] };
export type DomainResponse = { domain: Domain };
export type AuditListResponse = { audits: Audit[]; due: AuditDue; nextCursor?: string | null };
export type AuditResponse = { audit: Audit };
