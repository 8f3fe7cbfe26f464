import { ForbiddenError } from "@cando/core";
import type { MiddlewareHandler } from "hono";
import type { Deployment } from "./deployment";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a request addressed to a Host that is not Cando's (DNS rebinding, a misrouted proxy),
 * and, on every state-changing request, an Origin that is not exactly Cando's (scheme, host and
 * port, as browsers serialize it). Browsers send Origin with every cross-site POST/PATCH/PUT/
 * DELETE; without it Sec-Fetch-Site must not say cross-site. Callers with neither header are not
 * browsers (the CLI, curl) and cannot ride a victim's cookie, so they pass.
 */
export function originCheck(deployment: Deployment): MiddlewareHandler {
  const origins = new Set(deployment.origins);
  const hosts = new Set(deployment.hosts);
  return async (c, next) => {
    if (!hosts.has(new URL(c.req.url).host)) {
      throw new ForbiddenError("host_rejected", "This server does not answer for that host name.");
    }
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    if (origin !== undefined) {
      if (!origins.has(origin)) throw csrf();
    } else if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") {
      throw csrf();
    }
    return next();
  };
}

function csrf(): ForbiddenError {
  return new ForbiddenError(
    "csrf_rejected",
    "This request came from another site and was refused.",
  );
}
