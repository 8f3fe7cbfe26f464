import { TARGET_DEFAULT, TARGET_MAX, TARGET_MIN, TargetInput, TargetResponse } from "@cando/core";
import { getTargetPercent, setTargetPercent } from "@cando/storage";
import { createRoute } from "@hono/zod-openapi";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";

// The person's target success rate for advice (issue 9): stored as a whole percent on the
// person's row and passed to the engine wherever it recommends a step.

const get = createRoute({
  method: "get",
  path: "/api/me/target",
  tags: ["accounts"],
  summary: "The success rate advice aims for",
  ...authenticated,
  responses: { 200: json(TargetResponse, "The person's target, with its range."), ...errors(401) },
});

const put = createRoute({
  method: "put",
  path: "/api/me/target",
  tags: ["accounts"],
  summary: "Set the success rate advice aims for (0.7–0.9)",
  ...authenticated,
  request: { body: jsonBody(TargetInput) },
  responses: {
    200: json(TargetResponse, "The new target."),
    ...errors(400, 401, 403, 413),
  },
});

function present(percent: number): TargetResponse {
  return { target: percent / 100, min: TARGET_MIN, max: TARGET_MAX, default: TARGET_DEFAULT };
}

/** The target as the engine takes it (0.7–0.9). */
export async function targetOf(
  db: Parameters<typeof getTargetPercent>[0],
  userId: string,
): Promise<number> {
  return (await getTargetPercent(db, userId)) / 100;
}

export function registerTargetRoutes(app: App): void {
  app.openapi(get, async (c) => {
    return c.json(present(await getTargetPercent(c.var.deps.db, c.var.user.id)), 200);
  });

  app.openapi(put, async (c) => {
    const { target } = c.req.valid("json");
    const percent = Math.round(target * 100);
    // One row, one statement: no read-modify-write to protect.
    await setTargetPercent(c.var.deps.db, c.var.user.id, percent);
    return c.json(present(percent), 200);
  });
}
