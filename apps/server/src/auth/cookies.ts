import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../context";

/**
 * Over HTTPS every cookie is Secure and carries the `__Host-` prefix, which browsers only accept
 * from a secure origin with Path=/ and no Domain: no subdomain or plain-HTTP page can plant or
 * overwrite it.
 */
export function cookieName(c: Context<AppEnv>, base: string): string {
  return c.var.deps.deployment.https ? `__Host-${base}` : base;
}

export function readCookie(c: Context<AppEnv>, base: string): string | undefined {
  return getCookie(c, cookieName(c, base));
}

export function writeCookie(
  c: Context<AppEnv>,
  base: string,
  value: string,
  options: { expires: Date; sameSite: "Lax" | "Strict" },
): void {
  setCookie(c, cookieName(c, base), value, {
    httpOnly: true,
    secure: c.var.deps.deployment.https,
    path: "/",
    ...options,
  });
}

export function clearCookie(c: Context<AppEnv>, base: string): void {
  deleteCookie(c, cookieName(c, base), { path: "/", secure: c.var.deps.deployment.https });
}
