// `npm run build:server`: the server and the CLI compiled for production by esbuild, one bundled
// ESM file each (apps/server/dist/main.js, apps/cli/dist/main.js), run by plain node: no
// TypeScript compiler at start-up and one file to load instead of hundreds of modules.
// Native and optional modules stay outside the bundle and load from node_modules.
import { build } from "esbuild";

const external = ["better-sqlite3", "@node-rs/argon2", "pg-native", "playwright-core", "fsevents"];

await build({
  entryPoints: {
    "apps/server/dist/main": "apps/server/src/main.ts",
    "apps/cli/dist/main": "apps/cli/src/main.ts",
  },
  outdir: ".",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  // Smaller to parse at start-up; names kept so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: {
    js: 'import { createRequire as __candoRequire } from "node:module"; const require = __candoRequire(import.meta.url);',
  },
});
