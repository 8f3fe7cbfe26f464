import { ForbiddenError } from "@cando/core";
import type { MiddlewareHandler } from "hono";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence on every state-changing request. Browsers send Origin (or Sec-Fetch-Site) with
 * every cross-site POST/PATCH/DELETE; it must name this server. Callers without either header
 * are not browsers (the CLI, curl) and cannot ride a victim's cookie, so they pass.
 */
export function originCheck(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    const expected = new URL(c.req.url).origin;
    const host = c.req.header("host");
    if (origin !== undefined) {
      const ok = origin === expected || (host !== undefined && sameHost(origin, host));
      if (!ok) throw csrf();
    } else if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") {
      throw csrf();
    }
    return next();
  };
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function csrf(): ForbiddenError {
  return new ForbiddenError(
    "csrf_rejected",
    "This request came from another site and was refused.",
  );
}
