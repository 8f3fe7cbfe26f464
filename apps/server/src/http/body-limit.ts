import { PayloadTooLargeError } from "@cando/core";
import type { MiddlewareHandler } from "hono";

export interface DrainBounds {
  bytes: number;
  ms: number;
}

/** How much of a refused body is read and thrown away so the client gets to read the 413. */
export const DRAIN: DrainBounds = { bytes: 32 * 1024 * 1024, ms: 10_000 };

/**
 * Refuses a body over `maxBytes` with 413, declared (Content-Length) or streamed (chunked). A
 * client that writes its whole body before reading the answer would see its connection reset,
 * not the 413, if the server closed at once; so the rest of a refused body is read and dropped,
 * up to DRAIN bounds, before the 413 goes out. Beyond them the connection is cut.
 */
export function limitBody(maxBytes: number, drain: DrainBounds = DRAIN): MiddlewareHandler {
  return async (c, next) => {
    // GET and HEAD carry no body; asking for one would build the full web Request for nothing.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const body = c.req.raw.body;
    if (!body) return next();
    const reader = body.getReader();
    const declared = Number(c.req.header("content-length") ?? "0");
    let size = 0;
    const chunks: Uint8Array[] = [];
    if (!(declared > maxBytes)) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          c.req.raw = new Request(c.req.raw, { body: concat(chunks, size) });
          return next();
        }
        size += value.length;
        if (size > maxBytes) break;
        chunks.push(value);
      }
    }
    await discard(reader, size, drain);
    throw new PayloadTooLargeError(maxBytes);
  };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

async function discard(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  already: number,
  bounds: DrainBounds,
): Promise<void> {
  let read = already;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"late">((done) => {
    timer = setTimeout(() => done("late"), bounds.ms);
  });
  try {
    while (read <= bounds.bytes) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === "late" || next.done) break;
      read += next.value.length;
    }
  } finally {
    clearTimeout(timer);
    // Whatever is left unread (too much, too slow) is cut off with the connection.
    await reader.cancel().catch(() => undefined);
  }
}
