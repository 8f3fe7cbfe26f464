import type { Domain, Evidence, Goal } from "@cando/core";

// Response bodies of the evidence API (and the lists its filters use).
export type EvidenceListResponse = { evidence: Evidence[]; nextCursor: string | null };
export type EvidenceResponse = { evidence: Evidence };
export type GoalListResponse = { goals: Goal[] };
export type DomainListResponse = { domains: Domain[] };
