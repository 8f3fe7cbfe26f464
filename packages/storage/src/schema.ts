import type { Generated } from "kysely";

// Row types as Kysely sees them (camelCase through CamelCasePlugin; snake_case in SQL).
// Instants are ISO-8601 UTC text and days are YYYY-MM-DD text, identical on both databases.

export interface UsersTable {
  id: string;
  email: string;
  passwordHash: string;
  createdAt: string;
  /** The person's target success rate for advice, a whole percent 70–90 (default 80). */
  targetPercent: Generated<number>;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  /** The browser it was started from (User-Agent, shortened); null for older sessions. */
  device: string | null;
}

export interface AccountSettingsTable {
  userId: string;
  /** IANA time zone; null = the browser's. */
  timeZone: string | null;
  /** 0 = Sunday … 6 = Saturday; null = Monday. */
  weekStartsOn: number | null;
  updatedAt: string;
}

export interface PasswordResetsTable {
  /** sha256 of the link's token. */
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** A counter for an abuse limit (login failures, sign-ups), shared by every server process. */
export interface ThrottlesTable {
  key: string;
  count: number;
  lastAt: string;
  /** No attempt under this key is taken before this instant (ISO text; the epoch when free). */
  blockedUntil: string;
}

/** Secrets the server makes once and every process shares (e.g. the device-cookie key). */
export interface ServerSecretsTable {
  name: string;
  value: string;
  createdAt: string;
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

export interface GoalsTable {
  id: string;
  userId: string;
  domainId: string;
  statement: string;
  outcome: string;
  context: string;
  targetDate: string | null;
  status: string;
  /** The engine's LadderModel as JSON text. */
  model: string | null;
  createdAt: string;
  updatedAt: string;
  reachedAt: string | null;
}

export interface StepsTable {
  id: string;
  userId: string;
  goalId: string;
  title: string;
  description: string;
  position: number;
  confidence: number | null;
  plannedDate: string | null;
  archivedAt: string | null;
  /** The person's say on mastery: "mastered", "unmastered", or null for the rule (a fact). */
  masteryOverride: string | null;
  createdAt: string;
  /** Attempts on this step and how many were done: kept by triggers on `attempts` (derived). */
  attemptCount: Generated<number>;
  successCount: Generated<number>;
}

export interface StepRatingsTable {
  id: string;
  stepId: string;
  confidence: number;
  ratedAt: string;
}

export interface AttemptsTable {
  id: string;
  userId: string;
  goalId: string;
  stepId: string;
  idempotencyKey: string | null;
  attemptedAt: string;
  confidenceBefore: number | null;
  anxietyBefore: number | null;
  outcome: string;
  effort: number;
  difficulty: number;
  anxietyAfter: number | null;
  minutes: number | null;
  note: string;
  predictedSuccess: number | null;
  createdAt: string;
  /** "before" (started, then finished), "after" (logged in one go); null = unknown (older rows). */
  confidenceRated?: string | null;
  energyBefore?: number | null;
  sleepHours?: number | null;
}

export interface DebriefsTable {
  attemptId: string;
  didWell: string;
  capability: string;
  differently: string;
  effort: number;
  strategy: number;
  ability: number;
  luck: number;
  help: number;
  easy: number;
  reattribution: string;
  /** JSON array of dismissed attribution flags. */
  dismissedFlags: string;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceTable {
  id: string;
  userId: string;
  source: string;
  attemptId: string | null;
  domainId: string;
  goalId: string | null;
  stepId: string | null;
  title: string;
  body: string;
  occurredOn: string;
  ownership: number;
  effort: number | null;
  /** JSON of the re-attribution exercise, or null. */
  reattribution: string | null;
  /** The reflection it was kept from (source "reflection"); optional so older writers need not name it. */
  reflectionId?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MilestonesTable {
  id: string;
  userId: string;
  kind: string;
  goalId: string;
  stepId: string | null;
  title: string;
  /** JSON array of evidence ids. */
  evidenceIds: string;
  achievedAt: string;
  seenAt: string | null;
  /** When what earned it (the attempts behind the mastery) was later edited away or deleted. */
  basisRemovedAt: string | null;
}

export interface DeletionsTable {
  id: string;
  userId: string;
  /** What was deleted: attempt, evidence or audit. */
  kind: string;
  /** JSON of the deleted rows, enough to put them back. */
  payload: string;
  deletedAt: string;
  /** After this the deletion can no longer be undone and the rows are purged. */
  expiresAt: string;
}

export interface PracticeEntriesTable {
  id: string;
  userId: string;
  goalId: string;
  /** The day practised, in the person's time zone. */
  day: string;
  minutes: number;
  what: string;
  note: string;
  createdAt: string;
}

export interface PracticeRestDaysTable {
  goalId: string;
  day: string;
  userId: string;
  createdAt: string;
}

export interface PracticeTargetsTable {
  goalId: string;
  userId: string;
  weeklyMinutes: number;
  updatedAt: string;
}

export interface RhythmSettingsTable {
  userId: string;
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  reflectionWeekday: number;
  /** Local "HH:MM" of the daily practice block and of the weekly reflection; null: the default. */
  practiceTime?: string | null;
  reflectionTime?: string | null;
  updatedAt: string;
}

/** The last 30-day plan of a goal, kept to say what moved when it re-plans. */
export interface PlanSnapshotsTable {
  goalId: string;
  userId: string;
  startDay: string;
  /** JSON of the core Plan. */
  plan: string;
  /** JSON: each step's planned date when the plan was made. */
  planned: string;
  /** JSON: what moved at the last re-plan (PlanChange[]). */
  changes: string;
  changedAt: string | null;
  updatedAt: string;
}

export interface ReflectionsTable {
  id: string;
  userId: string;
  /** The last day of the week reflected on (the person's reflection weekday). */
  weekEnd: string;
  accomplished: string;
  overcame: string;
  learned: string;
  nextWeek: string;
  createdAt: string;
  updatedAt: string;
}

export interface CalendarFeedsTable {
  userId: string;
  /** sha256 (hex) of the token in the feed's URL: a stolen database does not yield live feeds. */
  tokenHash: string;
  createdAt: string;
}

/** A number per person that every write to a cached read's inputs bumps (triggers; issue 15). */
export interface ReadVersionsTable {
  userId: string;
  version: number;
}

export interface RoleModelsTable {
  id: string;
  userId: string;
  name: string;
  relation: string;
  /** How similar their starting point was, 0–100. */
  similarity: number;
  ahead: string;
  knownFrom: string;
  createdAt: string;
  updatedAt: string;
}

export interface RoleModelStepsTable {
  id: string;
  roleModelId: string;
  userId: string;
  what: string;
  timing: string;
  /** The step of the person's own ladder it matches; null when unlinked (or the goal is gone). */
  stepId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A single-use link by which a person invites a supporter or coach to one goal. */
export interface InvitationsTable {
  id: string;
  /** The person who invites (and owns the row). */
  userId: string;
  goalId: string;
  /** "supporter" or "coach". */
  role: string;
  /** The person's own words for who it is for ("Maya, my mentor"). */
  label: string;
  /** sha256 (hex) of the link's token. */
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  acceptedAt: string | null;
  /** Who accepted it; null while pending (or once that account is deleted). */
  acceptedBy: string | null;
}

/** What one supporter or coach may read of one goal; owned by the person who shares. */
export interface GrantsTable {
  id: string;
  userId: string;
  goalId: string;
  supporterId: string;
  role: string;
  label: string;
  /** The person's trust in this supporter's judgement for this goal, 0–100; null = not rated. */
  credibility: number | null;
  /** 1 = shared, 0 = not (least privilege: all 0 by default). */
  shareDebriefs: number;
  shareEvidence: number;
  shareAudits: number;
  shareReflections: number;
  createdAt: string;
  updatedAt: string;
  /** Set when the person revokes it; the next request is refused. */
  revokedAt: string | null;
}

/** A supporter's feedback on an attempt or evidence, kept in the account it is about. */
export interface FeedbackTable {
  id: string;
  /** The person it is about (whose goal it is). */
  userId: string;
  goalId: string;
  authorId: string;
  /** The grant it was written under (its credibility weighs it). */
  grantId: string;
  attemptId: string | null;
  evidenceId: string | null;
  body: string;
  reply: string;
  repliedAt: string | null;
  hiddenAt: string | null;
  /** The evidence the person saved it as, if any. */
  savedEvidenceId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationsTable {
  id: string;
  userId: string;
  kind: string;
  text: string;
  href: string;
  createdAt: string;
  readAt: string | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  accountSettings: AccountSettingsTable;
  passwordResets: PasswordResetsTable;
  domains: DomainsTable;
  audits: AuditsTable;
  auditRatings: AuditRatingsTable;
  goals: GoalsTable;
  steps: StepsTable;
  stepRatings: StepRatingsTable;
  attempts: AttemptsTable;
  debriefs: DebriefsTable;
  evidence: EvidenceTable;
  milestones: MilestonesTable;
  deletions: DeletionsTable;
  throttles: ThrottlesTable;
  serverSecrets: ServerSecretsTable;
  practiceEntries: PracticeEntriesTable;
  practiceRestDays: PracticeRestDaysTable;
  practiceTargets: PracticeTargetsTable;
  rhythmSettings: RhythmSettingsTable;
  reflections: ReflectionsTable;
  calendarFeeds: CalendarFeedsTable;
  readVersions: ReadVersionsTable;
  planSnapshots: PlanSnapshotsTable;
  invitations: InvitationsTable;
  grants: GrantsTable;
  routines: RoutinesTable;
  routineRuns: RoutineRunsTable;
  attemptStarts: AttemptStartsTable;
  roleModels: RoleModelsTable;
  roleModelSteps: RoleModelStepsTable;
  feedback: FeedbackTable;
  notifications: NotificationsTable;
}

export interface RoutinesTable {
  id: string;
  userId: string;
  /** null: the person's default routine. */
  goalId: string | null;
  name: string;
  /** JSON array of core's RoutineBlock. */
  blocks: string;
  createdAt: string;
  updatedAt: string;
}

export interface RoutineRunsTable {
  id: string;
  userId: string;
  routineId: string | null;
  goalId: string | null;
  stepId: string | null;
  /** The attempt that followed (no foreign key: undo puts an attempt back with its id). */
  attemptId: string | null;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  /** JSON array of { kind, done }. */
  blocks: string;
  blocksDone: number;
  anxiety: number | null;
  energy: number | null;
  sleepHours: number | null;
}

/** An attempt in progress: the "before" part, until it is finished (then an attempts row) or discarded. */
export interface AttemptStartsTable {
  id: string;
  userId: string;
  goalId: string;
  stepId: string;
  idempotencyKey: string | null;
  confidenceBefore: number | null;
  anxietyBefore: number | null;
  energyBefore: number | null;
  sleepHours: number | null;
  routineRunId: string | null;
  predictedSuccess: number | null;
  startedAt: string;
}
