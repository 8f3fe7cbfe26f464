import { type Clock, RateLimitedError } from "@cando/core";

export interface LimitRule {
  max: number;
  windowMs: number;
}

export interface LoginLimits {
  perAccount: LimitRule;
  perAddress: LimitRule;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: { max: 5, windowMs: 15 * 60_000 },
  perAddress: { max: 30, windowMs: 15 * 60_000 },
};

/**
 * Counts failed logins per account and per address in fixed windows, in memory (one server
 * process). A success clears the account's count; the address count stands.
 */
export class LoginLimiter {
  private readonly counts = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Throws RateLimitedError when either key is over its limit; call before checking a password. */
  check(email: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const [key, rule] of this.keys(email, address)) {
      const entry = this.counts.get(key);
      if (entry && entry.resetAt > now && entry.failures >= rule.max) {
        const seconds = Math.ceil((entry.resetAt - now) / 1000);
        throw new RateLimitedError(
          `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
          seconds,
        );
      }
    }
  }

  recordFailure(email: string, address: string): void {
    const now = this.clock.now().getTime();
    if (this.counts.size > 50_000) this.sweep(now);
    for (const [key, rule] of this.keys(email, address)) {
      const entry = this.counts.get(key);
      if (!entry || entry.resetAt <= now) {
        this.counts.set(key, { failures: 1, resetAt: now + rule.windowMs });
      } else {
        entry.failures++;
      }
    }
  }

  recordSuccess(email: string): void {
    this.counts.delete(`account:${email}`);
  }

  private keys(email: string, address: string): [string, LimitRule][] {
    return [
      [`account:${email}`, this.limits.perAccount],
      [`address:${address}`, this.limits.perAddress],
    ];
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counts) if (entry.resetAt <= now) this.counts.delete(key);
  }
}
