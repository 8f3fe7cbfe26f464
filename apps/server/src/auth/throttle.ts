import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { RateLimitedError } from "@cando/core";
import { claimThrottle, type Db, type ThrottleRule, unclaimThrottle } from "@cando/storage";
import type { AuthPolicy } from "./policy";

export type Limit = readonly [key: string, rule: ThrottleRule];

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

/** Full eight-group spelling of an IPv6 address, or undefined. */
function ipv6Groups(address: string): string[] | undefined {
  if (isIP(address) !== 6 || address.includes(".")) return undefined;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => g.padStart(4, "0"));
}

/** The address as counted: IPv4 as is; IPv6 by its /64, which one subscriber usually holds whole. */
export function addressKey(address: string): string {
  const groups = ipv6Groups(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

/**
 * The counters a login attempt is taken under. A device that logged in to this account before
 * (a valid device cookie) answers only for its own failures; any other caller is counted per
 * account-and-address pair, per address, and per account among unknown devices.
 */
export function loginLimits(
  policy: AuthPolicy,
  email: string,
  address: string,
  device: string | undefined,
): Limit[] {
  if (device !== undefined) return [[`device:${device}`, policy.login.device]];
  const account = digest(email);
  const where = addressKey(address);
  return [
    [`pair:${account}:${where}`, policy.login.pair],
    [`address:${where}`, policy.login.address],
    [`account:${account}`, policy.login.account],
  ];
}

export const signupLimit = (policy: AuthPolicy, address: string): Limit => [
  `signup:${addressKey(address)}`,
  policy.signup,
];

/**
 * Takes one attempt under each limit before the work is done, so parallel guesses are counted
 * too. When one of them must wait, the attempts already taken are given back and the caller is
 * told how long to wait (429 with Retry-After); nothing else happens.
 */
export async function claimAll(db: Db, limits: Limit[], now: Date): Promise<void> {
  const taken: string[] = [];
  for (const [key, rule] of limits) {
    const claim = await claimThrottle(db, key, rule, now);
    if (!claim.ok) {
      for (const k of taken) await unclaimThrottle(db, k);
      const seconds = Math.max(1, Math.ceil(claim.retryAfterMs / 1000));
      throw new RateLimitedError(
        `Too many attempts. Wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`,
        seconds,
      );
    }
    taken.push(key);
  }
}
