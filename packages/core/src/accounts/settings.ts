import { z } from "zod";
import { EXPORT_TABLES } from "../transfer/schema";
import { Email, SignupInput } from "./schema";

const Password = z.string({ error: "is required" }).min(1, { error: "is required" }).max(256);

/** A time zone the runtime knows by its IANA name (Europe/Paris, America/New_York, UTC). */
export const TimeZone = z
  .string({ error: "must be a time zone name" })
  .max(64, { error: "must be at most 64 characters" })
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return zone.length > 0;
      } catch {
        return false;
      }
    },
    { error: "is not a time zone (use an IANA name such as Europe/Paris)" },
  );

export const AccountSettings = z.object({
  timeZone: z.string().nullable().describe("IANA time zone; null = the browser's"),
  weekStartsOn: z
    .number()
    .int()
    .describe("First day of the week: 0 = Sunday … 6 = Saturday (default 1, Monday)"),
});
export type AccountSettings = z.infer<typeof AccountSettings>;

export const AccountSettingsInput = z
  .object({
    timeZone: TimeZone.nullable().optional(),
    weekStartsOn: z
      .number({ error: "must be a day from 0 (Sunday) to 6 (Saturday)" })
      .int({ error: "must be a whole number" })
      .min(0, { error: "must be a day from 0 (Sunday) to 6 (Saturday)" })
      .max(6, { error: "must be a day from 0 (Sunday) to 6 (Saturday)" })
      .optional(),
  })
  .refine((v) => v.timeZone !== undefined || v.weekStartsOn !== undefined, {
    error: "change at least one setting",
  });
export type AccountSettingsInput = z.infer<typeof AccountSettingsInput>;

export const Account = z.object({
  id: z.string(),
  email: z.string(),
  createdAt: z.string(),
  settings: AccountSettings,
});
export type Account = z.infer<typeof Account>;
export const AccountResponse = z.object({ account: Account });

export const PasswordChangeInput = z.object({
  currentPassword: Password,
  newPassword: SignupInput.shape.password,
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

export const EmailChangeInput = z.object({ email: Email, password: Password });
export type EmailChangeInput = z.infer<typeof EmailChangeInput>;

export const AccountDeleteInput = z.object({ password: Password });
export type AccountDeleteInput = z.infer<typeof AccountDeleteInput>;

export const SessionOut = z.object({
  id: z.string(),
  device: z
    .string()
    .describe('A short description such as "Firefox on Linux", or "Unknown device"'),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean().describe("The session making this request"),
});
export type SessionOut = z.infer<typeof SessionOut>;
export const SessionList = z.object({ sessions: z.array(SessionOut) });
export type SessionList = z.infer<typeof SessionList>;
export const SessionsEnded = z.object({ ended: z.number().int() });

const Counts = z.object(
  Object.fromEntries(EXPORT_TABLES.map((t) => [t, z.number().int()])) as Record<
    (typeof EXPORT_TABLES)[number],
    z.ZodNumber
  >,
);
export const ImportResult = z.object({
  added: Counts.describe("Rows written, per table"),
  present: Counts.describe("Rows the account already had (matched, left as they were)"),
  replayedGoals: z.number().int().describe("Goals whose ladder model was replayed"),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const PasswordResetInput = z.object({
  token: z.string({ error: "is required" }).min(1, { error: "is required" }).max(200),
  password: SignupInput.shape.password,
});
export type PasswordResetInput = z.infer<typeof PasswordResetInput>;
