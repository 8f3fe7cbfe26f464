import { z } from "zod";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("stable id, e.g. validation_failed, goal_not_found"),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: "Error" });

const errorContent = { "application/json": { schema: ErrorSchema } };

const ERROR_DESCRIPTIONS = {
  400: "Invalid input; `fields` names each bad field. Nothing was stored.",
  401: "Not logged in, or wrong email or password.",
  403: "Refused (cross-site request).",
  404: "Not found, or not yours.",
  409: "Conflicts with what exists.",
  413: "Body too large.",
  429: "Too many attempts; see Retry-After.",
} as const;

/** The error responses a route documents, all in the one error shape. */
export function errors<S extends keyof typeof ERROR_DESCRIPTIONS>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_DESCRIPTIONS[s], content: errorContent }]),
  ) as unknown as Record<S, { description: string; content: typeof errorContent }>;
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { "application/json": { schema } }, required: true } as const;
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}
