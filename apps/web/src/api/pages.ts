import { api } from "./client";

/**
 * Reads a paged list (`?limit=&cursor=` → `nextCursor`) page after page until `enough` says the
 * items so far suffice or the list ends. For lookups that need particular items of a list.
 */
export async function readPagesUntil<T>(
  path: string,
  key: string,
  enough: (items: T[]) => boolean,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const sep = path.includes("?") ? "&" : "?";
  do {
    const body: Record<string, unknown> = await api.get<Record<string, unknown>>(
      `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    items.push(...((body[key] as T[] | undefined) ?? []));
    cursor = (body["nextCursor"] as string | null | undefined) ?? null;
  } while (cursor !== null && !enough(items));
  return items;
}
