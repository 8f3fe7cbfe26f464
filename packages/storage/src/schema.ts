import type { ColumnType } from "kysely";

// Row types as Kysely sees them (camelCase through CamelCasePlugin; snake_case in SQL).
// Instants are ISO-8601 UTC text and days are YYYY-MM-DD text, identical on both databases.

export interface UsersTable {
  id: string;
  email: string;
  passwordHash: string;
  createdAt: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface DomainsTable {
  id: string;
  userId: string;
  key: string | null;
  name: string;
  position: number;
  archivedAt: string | null;
  createdAt: string;
}

export interface AuditsTable {
  id: string;
  userId: string;
  takenAt: string;
  note: string | null;
}

export interface AuditRatingsTable {
  auditId: string;
  domainId: string;
  rating: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  domains: DomainsTable;
  audits: AuditsTable;
  auditRatings: AuditRatingsTable;
}

export type Generated<T> = ColumnType<T, T | undefined, T>;
