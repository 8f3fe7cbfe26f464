import type { UserRow } from "../accounts/users";
import type { DomainRow } from "../audits/domains";

let counter = 0;
const next = () => `${Date.UTC(2026, 10, 22)}-${++counter}`;

export function buildUser(overrides: Partial<UserRow> = {}): UserRow {
  const n = next();
  return {
    id: `user-${n}`,
    email: `person-${n}@example.test`,
    passwordHash: "$argon2id$not-a-real-hash",
    createdAt: "2026-11-22T07:00:00.000Z",
    ...overrides,
  };
}

export function buildDomain(userId: string, overrides: Partial<DomainRow> = {}): DomainRow {
  const n = next();
  return {
    id: `domain-${n}`,
    userId,
    key: null,
    name: `Domain ${n}`,
    position: 0,
    archivedAt: null,
    createdAt: "2026-11-22T07:00:00.000Z",
    ...overrides,
  };
}
