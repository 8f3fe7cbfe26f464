import { DEFAULT_PAGE_LIMIT, ValidationError } from "@cando/core";

/** A page stops growing past this many bytes of JSON, so no list response reaches 256 KiB. */
export const MAX_PAGE_BYTES = 224 * 1024;

/** The cursor: the sort key of the last item given, opaque to callers (base64url of JSON). */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The sort key a cursor holds; a 400 on `cursor` when it is not one of ours for this list. */
export function decodeCursor(
  cursor: string | undefined,
  length: number,
  /** Whether the key's values have the shape of this list's sort key. */
  fits: (key: string[]) => boolean = () => true,
): string[] | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = undefined;
  }
  if (
    !Array.isArray(key) ||
    key.length !== length ||
    !key.every((k) => typeof k === "string" && k.length <= 100) ||
    !fits(key as string[])
  ) {
    throw new ValidationError([{ path: "cursor", message: "is not a cursor of this list" }]);
  }
  return key as string[];
}

/** How many rows to ask storage for: one more than the page, to know whether there is a next. */
export function rowsToRead(limit: number | undefined): number {
  return (limit ?? DEFAULT_PAGE_LIMIT) + 1;
}

/**
 * A page of presented items from rows read with `rowsToRead`: at most `limit`, and fewer when
 * the JSON would pass MAX_PAGE_BYTES (always at least one). `nextCursor` is the key of the last
 * item given when more remain.
 */
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number | undefined,
  present: (row: Row) => Item,
  keyOf: (row: Row) => string[],
): { items: Item[]; nextCursor: string | null } {
  const max = limit ?? DEFAULT_PAGE_LIMIT;
  const items: Item[] = [];
  let bytes = 0;
  let last: Row | undefined;
  for (const row of rows.slice(0, max)) {
    const item = present(row);
    bytes += Buffer.byteLength(JSON.stringify(item)) + 1;
    if (items.length > 0 && bytes > MAX_PAGE_BYTES) break;
    items.push(item);
    last = row;
  }
  const more = items.length < rows.length;
  return { items, nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}
