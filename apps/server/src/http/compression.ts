import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Below this a compressed body saves less than the work costs. */
const THRESHOLD_BYTES = 1024;

// Text that compresses well. Not text/calendar: the ICS feed goes out as it is, since calendar
// clients that poll it are not all known to decode Content-Encoding.
const COMPRESSIBLE =
  /^\s*(?:text\/(?!calendar)[\w.+-]+|application\/(?:javascript|json|[\w.+-]+\+json|xml|[\w.+-]+\+xml)|image\/svg\+xml)/i;

type Encoding = "br" | "gzip";

function chosen(accept: string | undefined): Encoding | undefined {
  if (!accept) return undefined;
  const offered = new Map<string, number>();
  for (const part of accept.split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) offered.set(name.trim().toLowerCase(), q === undefined ? 1 : Number(q));
  }
  const quality = (e: string) => offered.get(e) ?? offered.get("*") ?? 0;
  if (quality("br") > 0 && quality("br") >= quality("gzip")) return "br";
  return quality("gzip") > 0 ? "gzip" : undefined;
}

/**
 * Compresses text answers (JSON, HTML, JS, CSS, SVG) with Brotli or gzip, as the client accepts,
 * off the event loop (zlib's thread pool). `immutable` answers (content-hashed assets) are
 * compressed once at the best level and kept; everything else at a fast level per request.
 */
export function compression(): MiddlewareHandler {
  const kept = new Map<string, Uint8Array>();
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get("Content-Type");
    // Headers only until an encoding is chosen: touching the body of the server's cheap string
    // answer turns it into a stream.
    if (
      c.req.method === "HEAD" ||
      res.status === 204 ||
      res.status === 304 ||
      res.status === 206 ||
      res.headers.has("Content-Encoding") ||
      !type ||
      !COMPRESSIBLE.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get("Cache-Control") ?? "")
    )
      return;
    const vary = res.headers.get("Vary");
    const varied = !vary
      ? "Accept-Encoding"
      : !/accept-encoding/i.test(vary) && vary !== "*"
        ? `${vary}, Accept-Encoding`
        : undefined;
    const encoding = chosen(c.req.header("Accept-Encoding"));
    if (!encoding) {
      // Nothing to compress for this client: the answer goes out as it is.
      if (varied) res.headers.set("Vary", varied);
      return;
    }
    if (!res.body) return;
    const headers = new Headers(res.headers);
    if (varied) headers.set("Vary", varied);
    const body = new Uint8Array(await res.arrayBuffer());
    let out: Uint8Array = body;
    if (body.byteLength >= THRESHOLD_BYTES) {
      const immutable = /immutable/.test(res.headers.get("Cache-Control") ?? "");
      const key = `${encoding} ${c.req.path}`;
      const known = immutable ? kept.get(key) : undefined;
      out =
        known ??
        (encoding === "br"
          ? await brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: immutable ? 11 : 4,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
              },
            })
          : await gzipAsync(body, { level: immutable ? 9 : 6 }));
      if (immutable && !known) kept.set(key, out);
      headers.set("Content-Encoding", encoding);
      const etag = headers.get("ETag");
      if (etag && !etag.startsWith("W/")) headers.set("ETag", `W/${etag}`);
    }
    headers.set("Content-Length", String(out.byteLength));
    c.res = undefined as unknown as Response;
    c.res = new Response(out, { status: res.status, statusText: res.statusText, headers });
  };
}
