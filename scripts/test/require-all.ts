// A missing PostgreSQL or Chromium skips only its part, loudly; CANDO_REQUIRE_ALL=1 makes it fatal.
export function reportMissing(part: string, why: string, howToFix: string): void {
  const banner = [
    "",
    "!".repeat(78),
    `!! ${part} tests are SKIPPED: ${why}`,
    `!! To run them: ${howToFix}`,
    "!! Set CANDO_REQUIRE_ALL=1 to make this a failure (CI does).",
    "!".repeat(78),
    "",
  ].join("\n");
  if (process.env.CANDO_REQUIRE_ALL === "1") {
    throw new Error(`${part} is required (CANDO_REQUIRE_ALL=1) but missing: ${why}. ${howToFix}`);
  }
  process.stderr.write(banner);
}
