import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { readCookie, writeCookie } from "./cookies";

export const DEVICE_COOKIE = "cando_device";

// OWASP's "device cookie": proof that this browser logged in to this account before, so failures
// made elsewhere do not slow its owner down. `v1.<user id>.<nonce>.<issued ms>.<HMAC>`.
const sign = (key: string, payload: string) =>
  createHmac("sha256", key).update(payload).digest("base64url");

export function issueDeviceCookie(c: Context<AppEnv>, userId: string): void {
  const { deviceKey, clock, auth } = c.var.deps;
  const now = clock.now().getTime();
  const payload = [
    "v1",
    Buffer.from(userId).toString("base64url"),
    randomBytes(16).toString("base64url"),
    String(now),
  ].join(".");
  writeCookie(c, DEVICE_COOKIE, `${payload}.${sign(deviceKey, payload)}`, {
    expires: new Date(now + auth.deviceMs),
    sameSite: "Strict",
  });
}

/** The nonce of a valid, unexpired device cookie for `userId`, else undefined. */
export function trustedDevice(c: Context<AppEnv>, userId: string): string | undefined {
  const value = readCookie(c, DEVICE_COOKIE);
  if (!value) return undefined;
  const { deviceKey, clock, auth } = c.var.deps;
  const parts = value.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") return undefined;
  const [, user = "", nonce = "", issued = "", mac = ""] = parts;
  const expected = Buffer.from(sign(deviceKey, parts.slice(0, 4).join(".")));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (Buffer.from(user, "base64url").toString() !== userId) return undefined;
  const age = clock.now().getTime() - Number(issued);
  if (!(age >= 0 && age < auth.deviceMs)) return undefined;
  return nonce;
}
