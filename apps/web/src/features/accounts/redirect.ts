/**
 * Where to go after logging in: a path inside this app only (never another site via
 * `//host` or `/\host`), and never back to the login or sign-up page itself.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  const path = next.split(/[?#]/, 1)[0];
  if (path === "/login" || path === "/signup") return "/";
  return next;
}

/** The login page, remembering the page the person wanted. */
export function loginPath(wanted: string): string {
  const next = safeNext(wanted);
  return next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
}

/** "Try again in about 3 minutes." from a Retry-After in seconds. */
export function retryText(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return "Please wait a little, then try again.";
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in about ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
