// What the global setups (scripts/test/*-setup.ts) provide to tests through inject().
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server for tests, or null when it is not reachable. */
    postgresUrl: string | null;
    /** Debian's Chromium for browser tests, or null when it is not installed. */
    chromiumPath: string | null;
  }
}
