import { PasswordResetInput, ValidationError } from "@cando/core";
import {
  consumePasswordReset,
  deleteOtherSessions,
  hashResetToken,
  lockUser,
  updateUser,
} from "@cando/storage";
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../context";
import { errors, jsonBody } from "../http/openapi";

const resetPassword = createRoute({
  method: "post",
  path: "/api/account/reset-password",
  tags: ["account"],
  summary: "Choose a new password with a one-time link from `cando user reset-password`",
  description:
    "The link works once, for one hour. Every session of the account ends; log in with the new password.",
  request: { body: jsonBody(PasswordResetInput) },
  responses: { 204: { description: "The password is set." }, ...errors(400, 403) },
});

export function registerResetRoutes(app: App): void {
  app.openapi(resetPassword, async (c) => {
    const { token, password } = c.req.valid("json");
    const { db, clock, passwords } = c.var.deps;
    const passwordHash = await passwords.hash(password);
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const userId = await consumePasswordReset(trx, hashResetToken(token), now);
      if (userId === undefined) {
        throw new ValidationError(
          [{ path: "token", message: "is not valid: it was used, or it expired" }],
          "This link does not work any more. Ask for a new one.",
        );
      }
      await lockUser(trx, userId);
      await updateUser(trx, userId, { passwordHash });
      await deleteOtherSessions(trx, userId, null);
    });
    return c.body(null, 204);
  });
}
