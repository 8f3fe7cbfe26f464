import { defineConfig } from "vitest/config";

// One `vitest run` covers every layer; each project is a layer with its own setup.
export default defineConfig({
  test: {
    reporters: ["default", "./scripts/test/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "core",
          include: ["packages/core/src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "storage",
          include: ["packages/storage/src/**/*.test.ts"],
          globalSetup: ["./scripts/test/postgres-setup.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "server",
          include: ["apps/server/src/**/*.test.ts", "apps/cli/src/**/*.test.ts"],
          // Chromium too: `cando report --pdf` is tested by printing a real PDF.
          globalSetup: ["./scripts/test/postgres-setup.ts", "./scripts/test/chromium-setup.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "web",
          include: ["apps/web/src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          include: ["apps/web/e2e/**/*.test.ts"],
          globalSetup: ["./scripts/test/chromium-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
