import type { ThrottleRule } from "@cando/storage";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Abuse limits and session lifetimes; docs/security.md explains each number. */
export interface AuthPolicy {
  login: {
    /** Failures for one account from one address. */
    pair: ThrottleRule;
    /** Failures from one address (IPv6: its /64), whatever the account. */
    address: ThrottleRule;
    /** Failures for one account from devices it has never logged in on. */
    account: ThrottleRule;
    /** Failures made with one device cookie (a device that logged in before). */
    device: ThrottleRule;
  };
  /** Sign-ups from one address, successful or not. */
  signup: ThrottleRule;
  session: {
    /** A session unused this long ends. */
    idleMs: number;
    /** A session ends this long after login, however busy. */
    absoluteMs: number;
  };
  /** How long a device cookie is honoured after it was issued. */
  deviceMs: number;
}

const growing = (free: number, maxDelayMs = 15 * MINUTE, resetAfterMs = HOUR): ThrottleRule => ({
  free,
  baseDelayMs: SECOND,
  maxDelayMs,
  resetAfterMs,
});

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  login: {
    pair: growing(5),
    address: growing(30),
    account: growing(10),
    device: growing(10),
  },
  signup: { free: 5, baseDelayMs: 30 * SECOND, maxDelayMs: HOUR, resetAfterMs: 2 * HOUR },
  session: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
  deviceMs: 365 * DAY,
};

/** The longest any counter matters: older quiet counters are purged. */
export function longestReset(policy: AuthPolicy): number {
  const rules = [...Object.values(policy.login), policy.signup];
  return Math.max(...rules.map((r) => r.resetAfterMs + r.maxDelayMs));
}
