import { z } from "zod";

/** How many items a list answers when the caller does not say; the response stays under 256 KiB. */
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 500;

/** `?limit=&cursor=` of a paginated list: at most `limit` items after the cursor. */
export const PageQuery = z.object({
  limit: z.coerce
    .number({ error: `must be a number from 1 to ${MAX_PAGE_LIMIT}` })
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_PAGE_LIMIT, { error: `must be at most ${MAX_PAGE_LIMIT}` })
    .optional()
    .describe(`How many items at most (default ${DEFAULT_PAGE_LIMIT}; fewer when they are long)`),
  cursor: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe("The `nextCursor` of the previous page, as it was given (opaque)"),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Where the next page starts: null on the last page. */
export const NextCursor = z
  .string()
  .nullable()
  .describe("Pass as `cursor` for the next page; null when this is the last");
