import { z } from "zod";
import { COMMON_PASSWORDS } from "./common-passwords";

import { PASSWORD_MIN_LENGTH } from "./rules";

export { PASSWORD_MIN_LENGTH } from "./rules";

export const Email = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "must be at most 254 characters" })
  .pipe(z.email({ error: "must be an email address" }));

export const SignupInput = z.object({
  email: Email,
  password: z
    .string({ error: "is required" })
    .min(PASSWORD_MIN_LENGTH, { error: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
    .max(256, { error: "must be at most 256 characters" })
    .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), {
      error: "is too common; choose one that is harder to guess",
    })
    .describe("Refused when it is on the list of common passwords."),
  invitation: z
    .string({ error: "must be text" })
    .max(200, { error: "must be at most 200 characters" })
    .optional()
    .describe(
      "An invitation link's token: accepted with the sign-up (and lets it through when sign-up is closed)",
    ),
});
export type SignupInput = z.infer<typeof SignupInput>;

// Login does not re-check strength: the stored hash is the judge.
export const LoginInput = z.object({
  email: Email,
  password: z.string({ error: "is required" }).min(1, { error: "is required" }).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  createdAt: z.string().describe("ISO-8601 UTC instant"),
});
export type User = z.infer<typeof User>;

export const UserResponse = z.object({ user: User });
