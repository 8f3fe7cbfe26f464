import { z } from "zod";
import { COACH_FLAGS } from "./rules";

export const CoachClient = z.object({
  grantId: z.string(),
  goalId: z.string(),
  owner: z.string().describe("The client's email"),
  statement: z.string(),
  lastActivity: z.string().nullable().describe("When the latest attempt happened"),
  nextStep: z
    .object({ stepId: z.string(), title: z.string(), predictedSuccess: z.number() })
    .nullable(),
  calibration: z.enum(["under_confident", "calibrated", "over_confident", "not_enough_data"]),
  flags: z.array(z.object({ flag: z.enum(COACH_FLAGS), text: z.string() })),
  attention: z.number().int().describe("Higher needs attention sooner"),
});
export type CoachClient = z.infer<typeof CoachClient>;

export const CoachView = z.object({ clients: z.array(CoachClient) });
export type CoachView = z.infer<typeof CoachView>;

export const NOTIFICATION_KINDS = ["feedback", "invitation_accepted", "grant_revoked"] as const;

export const Notification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  text: z.string(),
  /** Where it leads in the app. */
  href: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  notifications: z.array(Notification),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;
